import ArgumentParser
import CursesTerminal
import DesignStorage
import Foundation

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Say where sysdraft's files are, where its data comes from, what the terminal can do, and what is wrong.",
        discussion: """
            Prints the version; where the config file, the data folders, the practice history and \
            the recovery files are; which themes, interview plans, practice problems and examples \
            are used and from where (a file in a data folder replaces a built-in one of the same \
            name: every such case is noted); what the terminal can show (colours, UTF-8, size, \
            mouse), read from terminfo without taking over the screen; and every problem in the \
            config file, the themes, plans and problems, with file and line.

            Data folders, first wins: your config folders for plans, problems and themes \
            ($XDG_CONFIG_HOME/sysdraft/{plans,problems,themes}), $SYSDRAFT_HOME, \
            $XDG_DATA_HOME/sysdraft (default ~/.local/share/sysdraft), PREFIX/share/sysdraft for \
            a program installed as PREFIX/bin/sysdraft; then the data built into the program. \
            The last three are laid out like the repository: Assets/interview/plans, \
            Assets/problems, Assets/examples, Themes.

            Exit status: 0 when nothing is wrong, 1 when a problem is listed.
            """
    )

    @Argument(help: "A design file: also show its recovery copy and lock.", completion: .designFile)
    var file: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var report = DoctorReport(environment: environment, assets: AssetLocator.standard(environment: environment),
                                  terminal: TerminalProbe.probe(environment: environment), file: file)
        for line in report.render() { say(line) }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
