import ArgumentParser
import DesignExport
import DesignModel
import DesignStorage
import DiagramLayout
import Foundation
import TextUI

/// `sysdraft export FILE [--format markdown|mermaid|dot|json|openapi|sql|svg] [-o OUT]`.
/// The exporting itself is `Exporter.export` (pure); this only loads, picks the format and writes.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a design as a Markdown report, a Mermaid, DOT or SVG diagram, canonical JSON, OpenAPI or SQL DDL.",
        discussion: """
            Without --format the format follows the extension of -o (.md, .mmd/.mermaid, \
            .dot/.gv, .json, .openapi.json, .sql, .svg); with neither, a Markdown report goes to \
            standard output. openapi is an OpenAPI 3.1 document of the HTTP endpoints; sql is \
            PostgreSQL DDL for the entities in relational stores. \
            -o replaces the file crash-safely: it is either the old file or the complete new one. \
            Diagrams run the way the design says (top-down unless switched in the workspace with \
            o), as in the workspace and `sysdraft diagram`; --direction overrides it. SVG is the \
            text diagram's layout as vector graphics, in a print style or a theme's colours.
            """
    )

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Option(help: "markdown, mermaid, dot, json, openapi, sql or svg.")
    var format: ExportFormat?

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Diagram direction: lr (left to right) or tb (top to bottom), either case; default: the design's.")
    var direction: FlowchartOptions.Direction?

    @Option(help: "SVG colours from a theme (a name from Themes/ or a .toml path); default: a print style.")
    var theme: String?

    @Flag(help: "Group diagram components by kind.")
    var groupByKind = false

    @Flag(name: .customLong("load"), help: "Add each flow's load (rate, bandwidth) to its label in the Mermaid and DOT diagrams.")
    var showLoad = false

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
        var options = ExportOptions(diagram: FlowchartOptions(direction: direction, groupByKind: groupByKind, showLoad: showLoad),
                                    includeTextDiagram: textDiagram)
        if format == .markdown {
            let config = UserConfig(environment: ProcessInfo.processInfo.environment)
            // A broken config.toml is not a reason to fail an export, but silence would hide
            // why the [report] settings did not apply.
            for problem in config.problems { printError("warning: \(problem) (the default is used)") }
            options.onlyStarted = onlyStarted ?? config.settings.reportOnlyStarted ?? false
            options.hideUnticked = hideUnticked ?? config.settings.reportHideUnticked ?? false
            options.reviewConfig = ReviewSettings.config(for: file, user: config).config
        }
        if let theme {
            guard format == .svg else { throw ValidationError("--theme applies to --format svg") }
            options.svgStyle = try svgStyle(theme: theme)
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

extension ExportCommand {
    /// The SVG colours of a theme: its diagram roles on its background (the variant's usual
    /// background where the theme leaves it to the terminal).
    func svgStyle(theme name: String) throws -> DiagramSVGStyle {
        let assets = try assetsOrExit()
        let theme: Theme
        do { theme = try ThemeFiles.load(name, assets: assets) } catch {
            throw ValidationError(Output.line("\(error)"))
        }
        let dark = theme.variant == .dark
        func hex(_ c: ThemeColor, _ fallback: String) -> String {
            guard case .index(let i) = c else { return fallback }
            let (r, g, b) = ThemeColor.rgb(i)
            return "#" + [r, g, b].map { String(format: "%02x", $0) }.joined()
        }
        let fg = dark ? "#e6edf3" : "#1f2328"
        let bg = hex(theme[.normal].bg, dark ? "#0d1117" : "#ffffff")
        let text = hex(theme[.normal].fg, fg)
        let dim = hex(theme[.dim].fg, dark ? "#8b949e" : "#57606a")
        return DiagramSVGStyle(background: bg, boxFill: bg, boxStroke: hex(theme[.diagramBox].fg, text), text: text,
                               tag: hex(theme[.tag].fg, dim), edge: hex(theme[.diagramEdge].fg, text),
                               label: hex(theme[.diagramLabel].fg, text), groupStroke: dim, groupText: dim, legend: text)
    }
}
