import ArgumentParser

/// `sysdraft`: the root command. With a file and no subcommand it opens the workspace.
struct SysdraftCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sysdraft",
        abstract: "Draft software system designs in the terminal, practise design interviews, export reports.",
        discussion: """
            A design is a JSON file. `sysdraft FILE` opens it in the full-screen workspace \
            (a missing FILE starts a new design there).

            Exit codes:
              0   success
              1   the design file is invalid (not JSON, wrong fields, broken references, newer schema)
              3   a file could not be read or written (missing, permissions, disk full)
              4   review: open findings reach --fail-on (default: an error)
              64  the command line is wrong (unknown option, missing argument)
            """,
        version: version,
        subcommands: [
            OpenCommand.self, NewCommand.self, ValidateCommand.self, FormatCommand.self,
            SummaryCommand.self, ExportCommand.self, DiagramCommand.self, InterviewCommand.self, ExamplesCommand.self,
            SequenceCommand.self, CalcCommand.self, EstimateCommand.self,
            DiffCommand.self, MergeCommand.self, ResolveCommand.self, ImportCommand.self,
            PracticeCommand.self, ReviewCommand.self,
            DoctorCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
