import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

/// The exit codes sysdraft documents in `--help`.
enum Exit {
    static let invalidDesign = ExitCode(1)
    static let fileError = ExitCode(3)
    /// `sysdraft review`: open findings reach the `--fail-on` severity.
    static let findings = ExitCode(4)
    static let usage = ExitCode(64)
}

/// Loads a design or exits with the documented code and a message naming the file and the problem.
func loadOrExit(_ path: String) throws -> Design {
    try orExit { () throws(DesignFileError) in try DesignFile.load(path) }
}

private func orExit<T>(_ load: () throws(DesignFileError) -> T) throws -> T {
    do {
        return try load()
    } catch {
        printError(error)
        switch error {
        case .storage: throw Exit.fileError
        case .content: throw Exit.invalidDesign
        }
    }
}

/// What to tell a user whose file has fields sysdraft does not know.
func unknownFieldsNote(_ fields: [String]) -> String {
    let shown = fields.prefix(5).joined(separator: ", ") + (fields.count > 5 ? " and \(fields.count - 5) more" : "")
    return "fields sysdraft does not know (\(shown)); saving from sysdraft would drop them"
}

func saveOrExit(_ design: Design, to path: String) throws {
    do {
        try DesignFile.save(design, to: path)
    } catch {
        printError(error)
        throw Exit.fileError
    }
}

/// The built-in data with the data folders and the user's folders over it (never fails: the
/// data is compiled in; kept `throws` for its callers).
func assetsOrExit() throws -> AssetLocator {
    AssetLocator.standard()
}

func catalogueOrExit(_ assets: AssetLocator) throws -> StageCatalogue {
    do { return try assets.catalogue() } catch {
        printError(error)
        throw Exit.fileError
    }
}
