import ArgumentParser
import DesignExport
import DesignImport
import DesignModel
import DesignStorage
import Foundation

/// `sysdraft import FILE --from mermaid|structurizr|d2 [-o OUT]`. The reading is
/// `DesignImporter` (pure); this reads the file, prints the notes and writes the design.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a design from a Mermaid flowchart, Structurizr DSL or D2 diagram.",
        discussion: """
            Boxes become components and arrows become flows; groups (subgraphs, Structurizr \
            groups and systems with containers, D2 containers) are noted in each component's \
            notes for now. Kinds come from shapes and from the words on the boxes (a cylinder \
            is a database; "Redis" is a cache, "Kafka" a queue); see the README for the table. \
            What is left out (styles, views, comments) is listed as notes, and anything not \
            understood as a warning with its line; the import goes on.

            --from is taken from FILE's extension when omitted (.mmd/.mermaid, .dsl, .d2). \
            The design goes to standard output unless -o names a file; an existing file is not \
            replaced without --force. Exit status: 0 imported (possibly with warnings), \
            1 nothing could be imported, 3 a file could not be read or written.
            """
    )

    @Argument(help: "The diagram file ('-' for standard input).", completion: .diagramFile)
    var file: String

    @Option(help: "mermaid, structurizr or d2.")
    var from: ImportFormatArgument?

    @Option(name: [.short, .customLong("output")], help: "Write the design here instead of standard output.")
    var output: String?

    @Option(help: "The design's title (default: the diagram's title, else the file name).")
    var title: String?

    @Flag(help: "Replace OUT if it exists.")
    var force = false

    @Flag(name: .shortAndLong, help: "Do not print notes (warnings are still printed).")
    var quiet = false

    func run() throws {
        guard let format = from?.format ?? ImportFormat(fileName: file) else {
            throw ValidationError("say which format FILE is in: --from mermaid, structurizr or d2")
        }
        if let output, output != "-", FileManager.default.fileExists(atPath: output), !force {
            printError("\(output): already exists; pass --force to replace it")
            throw Exit.fileError
        }
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            printError("\(file): could not read it (\((error as NSError).localizedDescription))")
            throw Exit.fileError
        }
        let text = String(decoding: data, as: UTF8.self)
        let fallbackTitle = file == "-" ? nil : NewCommand.titleFromFileName(file)
        let result: ImportResult
        do {
            let parsed = try DesignImporter.importDesign(text, format: format, title: title, now: Date())
            result = parsed
        } catch {
            printError("\(file): \(error.description)")
            throw Exit.invalidDesign
        }
        var design = result.design
        if title == nil && result.diagram.title == nil, let fallbackTitle { design.title = fallbackTitle }
        for m in result.messages where !(quiet && m.severity == .note) {
            printError("\(file):" + (m.line > 0 ? "\(m.line):" : "") + " \(m.severity.rawValue): \(m.text)")
        }
        if let output, output != "-" {
            try saveOrExit(design, to: output)
            if !quiet {
                printError("\(output): \(design.components.count) components, \(design.flows.count) flows from \(format.rawValue)")
            }
        } else {
            // The same JSON value, with controls, bidi and invisible characters as \uXXXX.
            do { FileHandle.standardOutput.write(Data(try JSONExport.render(design).utf8)) } catch {
                printError("could not encode the design: \(error)")
                throw Exit.fileError
            }
        }
    }
}

/// `--from` values.
struct ImportFormatArgument: ExpressibleByArgument {
    var format: ImportFormat
    init?(argument: String) {
        guard let f = ImportFormat(rawValue: argument.lowercased()) else { return nil }
        format = f
    }
    static var allValueStrings: [String] { ImportFormat.allCases.map(\.rawValue) }
}
