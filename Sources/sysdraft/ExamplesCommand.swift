import ArgumentParser
import DesignStorage

struct ExamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "examples",
        abstract: "List the bundled example designs (use with `sysdraft new FILE --from NAME`)."
    )

    func run() throws {
        let assets = try assetsOrExit()
        for name in assets.exampleNames() { say(name) }
    }
}
