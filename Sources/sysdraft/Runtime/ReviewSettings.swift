import DesignReview
import DesignStorage
import Foundation
import TextUI

/// The review configuration for a design file: the rules' defaults, then the user's `[review]`
/// in config.toml, then the repository's `.sysdraft.toml` (the nearest one in the design's
/// folder or above it, up to the folder holding `.git`): the repository's word wins, so a team's
/// policy is the same on every machine and in CI. Problems (an unknown rule id, a bad value, a
/// file that cannot be read) come back as `file:line: message` lines; the review still runs.
enum ReviewSettings {
    static func config(for designPath: String, user: UserConfig) -> (config: ReviewConfig, problems: [String]) {
        let userName = user.path.map { UserConfig.abbreviate($0, home: ProcessInfo.processInfo.environment["HOME"]) } ?? "config.toml"
        var (config, problems) = ReviewSettingsFile.apply(user.settings.review, to: .standard, file: userName)
        guard let repo = RepositorySettings.find(forDesign: designPath) else { return (config, problems) }
        let text: String
        do {
            guard let s = String(data: try AtomicFile.read(repo), encoding: .utf8) else {
                return (config, problems + ["\(repo): not UTF-8 text; its [review] settings are not used"])
            }
            text = s
        } catch {
            return (config, problems + ["\(error)"])
        }
        let parsed = ReviewSettingsFile.parseRepository(text: text, name: repo)
        problems += parsed.problems.map(\.description)
        let applied = ReviewSettingsFile.apply(parsed.settings, to: config, file: repo)
        return (applied.config, problems + applied.problems)
    }
}
