import ArgumentParser
import Foundation

/// The part of ArgumentParser's description of the command tree (`--experimental-dump-help`)
/// the manual page is written from, so the page always lists every command and option there is.
struct ToolDescription: Decodable {
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
        var defaultSubcommand: String?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?
    }

    var command: Command

    /// The description of `sysdraft`, read in-process.
    static func current() throws -> ToolDescription {
        try JSONDecoder().decode(ToolDescription.self, from: Data(SysdraftCommand._dumpHelp().utf8))
    }
}

extension ToolDescription.Command {
    var visibleSubcommands: [ToolDescription.Command] {
        (subcommands ?? []).filter { $0.shouldDisplay ?? true && $0.commandName != "help" }
    }

    /// Options and arguments a reader should see (not --help, --version, hidden ones).
    var visibleArguments: [ToolDescription.Argument] {
        (arguments ?? []).filter { a in
            a.shouldDisplay && !(a.names ?? []).contains { $0.name == "help" || $0.name == "version" || $0.name == "h" }
        }
    }
}
