import ArgumentParser
import Foundation

/// The entry point: `SysdraftCommand.main()`, except that an error message from the argument
/// parser, which quotes the arguments it did not like, shows those arguments sanitised (an
/// argument may be a file name with a newline or an escape sequence in it).
enum CLIMain {
    static func run() -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try SysdraftCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch {
            let code = SysdraftCommand.exitCode(for: error)
            var message = SysdraftCommand.fullMessage(for: error)
            if code != .success {
                for argument in arguments.sorted(by: { $0.count > $1.count }) where Output.line(argument) != argument {
                    message = message.replacingOccurrences(of: argument, with: Output.line(argument))
                }
            }
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                try? stream.write(contentsOf: Data((message + "\n").utf8))
            }
            exit(code.rawValue)
        }
    }
}
