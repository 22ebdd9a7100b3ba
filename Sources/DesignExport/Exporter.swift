import DesignModel
import DiagramLayout
import Foundation
import DesignReview

/// The formats `sysdraft export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, mermaid, dot, json
    case openapi, sql
    case svg

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .mermaid: "mmd"
        case .dot: "dot"
        case .json: "json"
        case .openapi: "openapi.json"
        case .sql: "sql"
        case .svg: "svg"
        }
    }

    /// The format a file name's extension implies (case-insensitive): `.md`/`.markdown`,
    /// `.mmd`/`.mermaid`, `.dot`/`.gv`, `.json`, `.openapi.json`, `.sql`.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.count > ".openapi.json".count && name.lowercased().hasSuffix(".openapi.json") { self = .openapi; return }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "mmd", "mermaid": self = .mermaid
        case "dot", "gv": self = .dot
        case "json": self = .json
        case "sql": self = .sql
        case "svg": self = .svg
        default: return nil
        }
    }
}

public struct ExportError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Options for every format; each exporter reads the part it needs.
public struct ExportOptions: Equatable, Sendable {
    public var diagram: FlowchartOptions
    /// The text rendering of the architecture, placed in the Markdown report after the Mermaid
    /// diagram. Produced by the diagram engine; nil leaves it out.
    public var textDiagram: String?
    public var includeInterview: Bool
    /// Draw the text diagram with the diagram engine when `textDiagram` is not given.
    public var includeTextDiagram: Bool
    /// Report: leave out stages that are not started and hold nothing.
    public var onlyStarted = false
    /// Report: list only ticked checklist items.
    public var hideUnticked = false
    /// Report: how the design review section is run (the user's and the repository's `[review]`).
    public var reviewConfig = ReviewConfig.standard
    /// Colours of the SVG drawing (a print style unless a theme's are given).
    public var svgStyle: DiagramSVGStyle = .print
    /// Above this many components a text drawing is too big to read in a report (and slow to
    /// lay out), so the report says where to get it instead.
    public static let textDiagramLimit = 150

    public init(diagram: FlowchartOptions = FlowchartOptions(), textDiagram: String? = nil,
                includeInterview: Bool = true, includeTextDiagram: Bool = true) {
        self.diagram = diagram
        self.textDiagram = textDiagram
        self.includeInterview = includeInterview
        self.includeTextDiagram = includeTextDiagram
    }

    public var markdown: MarkdownReport.Options {
        var md = MarkdownReport.Options(diagram: diagram, textDiagram: textDiagram, includeInterview: includeInterview,
                                        onlyStarted: onlyStarted, hideUnticked: hideUnticked)
        md.reviewConfig = reviewConfig
        return md
    }
}

/// One entry point for all formats. Pure: no files, no clock; the same input gives the same
/// bytes.
public enum Exporter {
    /// The format to write: the explicit one if given, else the one implied by the output
    /// file's extension, else Markdown (to stdout). An output file with an unknown extension
    /// and no explicit format is an error rather than a guess.
    public static func resolveFormat(explicit: ExportFormat?, outputPath: String?) throws(ExportError) -> ExportFormat {
        if let explicit { return explicit }
        guard let outputPath, outputPath != "-" else { return .markdown }
        if let f = ExportFormat(path: outputPath) { return f }
        throw ExportError("cannot tell the format from the name \"\(outputPath)\"; use --format "
            + ExportFormat.allCases.map(\.rawValue).joined(separator: "|")
            + " or an extension .md, .mmd, .mermaid, .dot, .gv, .json, .openapi.json, .sql or .svg")
    }

    public static func export(_ design: Design, catalogue: StageCatalogue, format: ExportFormat,
                              options: ExportOptions = ExportOptions()) throws -> String {
        switch format {
        case .markdown:
            var md = options.markdown
            if md.textDiagram == nil && options.includeTextDiagram && !design.components.isEmpty {
                if design.components.count <= ExportOptions.textDiagramLimit {
                    // The same direction as the Mermaid diagram above it.
                    let direction = DesignDiagram.direction(DiagramOrientation(options.diagram.direction(for: design)))
                    md.textDiagram = DesignDiagram.text(design, direction: direction)
                } else {
                    md.textDiagramNote = "The text drawing is left out above \(ExportOptions.textDiagramLimit) components "
                        + "(this design has \(design.components.count)); sysdraft diagram FILE draws it."
                }
            }
            return MarkdownReport.render(design, catalogue: catalogue, options: md)
        case .mermaid: return MermaidExport.render(design, options: options.diagram)
        case .dot: return DotExport.render(design, options: options.diagram)
        case .json: return try JSONExport.render(design)
        case .openapi: return OpenAPIExport.render(design)
        case .sql: return SQLExport.render(design)
        case .svg: return DesignSVG.render(design, options: options)
        }
    }
}
