import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a design in the full-screen workspace (the default command)."
    )

    @Argument(help: "The design file; a missing file starts a new design there.")
    var file: String

    func run() throws {
        // The full-screen workspace arrives with its own issue; until then, show the summary.
        let design = try loadOrExit(file)
        let catalogue = try catalogueOrExit(try assetsOrExit())
        print(SummaryCommand.render(design, catalogue))
    }
}
