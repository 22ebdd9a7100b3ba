import ArgumentParser
import DesignExport
import DesignModel
import DesignStorage
import Foundation

/// `sysdraft export FILE [--format markdown|mermaid|dot|json|openapi|sql] [-o OUT]`.
/// The exporting itself is `Exporter.export` (pure); this only loads, picks the format and writes.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a design as a Markdown report, a Mermaid or DOT diagram, canonical JSON, OpenAPI or SQL DDL.",
        discussion: """
            Without --format the format follows the extension of -o (.md, .mmd/.mermaid, \
            .dot/.gv, .json, .openapi.json, .sql); with neither, a Markdown report goes to \
            standard output. openapi is an OpenAPI 3.1 document of the HTTP endpoints; sql is \
            PostgreSQL DDL for the entities in relational stores. \
            -o replaces the file crash-safely: it is either the old file or the complete new one.
            """
    )

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Option(help: "markdown, mermaid, dot, json, openapi or sql.")
    var format: ExportFormat?

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Diagram direction: lr (left to right) or tb (top to bottom); either case.")
    var direction: FlowchartOptions.Direction = .leftToRight

    @Flag(help: "Group diagram components by kind.")
    var groupByKind = false

    @Flag(inversion: .prefixedNo,
          help: "In the Markdown report, add the architecture as a text diagram after the Mermaid one.")
    var textDiagram = true

    @Flag(name: .customLong("only-started"), inversion: .prefixedNo,
          help: "Report: leave out stages that are not started and hold nothing (default: [report] only-started in config.toml, else off).")
    var onlyStarted: Bool?

    @Flag(name: .customLong("hide-unticked"), inversion: .prefixedNo,
          help: "Report: list only the ticked checklist items (default: [report] hide-unticked in config.toml, else off).")
    var hideUnticked: Bool?

    func run() throws {
        let format: ExportFormat
        do { format = try Exporter.resolveFormat(explicit: self.format, outputPath: output) } catch {
            throw ValidationError(Output.line(error.description))
        }
        let design = try loadOrExit(file)
        // Only the report needs the stage catalogue.
        let catalogue = format == .markdown ? try catalogueOrExit(try assetsOrExit()) : StageCatalogue(stages: [])
        var options = ExportOptions(diagram: FlowchartOptions(direction: direction, groupByKind: groupByKind),
                                    includeTextDiagram: textDiagram)
        if format == .markdown {
            let config = UserConfig(environment: ProcessInfo.processInfo.environment)
            // A broken config.toml is not a reason to fail an export, but silence would hide
            // why the [report] settings did not apply.
            for problem in config.problems { printError("warning: \(problem) (the default is used)") }
            options.onlyStarted = onlyStarted ?? config.settings.reportOnlyStarted ?? false
            options.hideUnticked = hideUnticked ?? config.settings.reportHideUnticked ?? false
        }
        let text = try Exporter.export(design, catalogue: catalogue, format: format, options: options)

        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try AtomicFile.write(Data(text.utf8), to: output) } catch {
            printError(error)
            throw Exit.fileError
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
/// `--direction lr` and `--direction LR` both work, here and in `sysdraft diagram`.
extension FlowchartOptions.Direction: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
