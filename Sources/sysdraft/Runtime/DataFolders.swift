import DesignModel
import DesignStorage
import Foundation
import Interview
import TextUI

extension AssetLocator {
    /// Everything the commands read: the user's config folders for plans, problems and themes
    /// (`~/.config/sysdraft/plans`, `…/problems`, `…/themes`), then `$SYSDRAFT_HOME`,
    /// `$XDG_DATA_HOME/sysdraft` and `PREFIX/share/sysdraft`, then the built-in data.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AssetLocator {
        AssetLocator(folders: userFolders(environment: environment) + standardFolders(environment: environment))
    }

    static func userFolders(environment: [String: String]) -> [DataFolder] {
        var folders: [DataFolder] = []
        if let d = PlanLoader.userDirectory(environment: environment) {
            folders.append(DataFolder(.config, d, standsFor: plansFolder))
        }
        if let d = ProblemLoader.userDirectory(environment: environment) {
            folders.append(DataFolder(.config, d, standsFor: problemsFolder))
        }
        if let d = ThemeLoader.userThemeDirectory(environment: environment) {
            folders.append(DataFolder(.config, URL(fileURLWithPath: d), standsFor: themesFolder))
        }
        return folders
    }
}

extension AssetFile {
    /// Where the file comes from, for listings: `built-in`, `user`, `$SYSDRAFT_HOME`, …
    var originLabel: String {
        switch origin {
        case .builtIn: "built-in"
        case .folder(let f):
            switch f.source {
            case .config: "user"
            case .sysdraftHome: "$SYSDRAFT_HOME"
            case .dataHome: "data folder"
            case .prefix: "installed"
            case .given: "data folder"
            }
        }
    }

    /// `user, replaces built-in` when the file hides another of the same name.
    var originNote: String {
        hides.isEmpty ? originLabel : "\(originLabel), replaces \(hides.map(\.originLabel).joined(separator: ", "))"
    }
}

/// An example design, built in or from a data folder; exits as `loadOrExit` does.
func loadExampleOrExit(_ file: AssetFile) throws -> Design {
    if let url = file.url { return try loadOrExit(url.path) }
    do {
        return try DesignCodec.decode(try file.data())
    } catch {
        printError("\(file.display): \(error)")
        throw Exit.invalidDesign
    }
}
