import DesignModel
import Foundation

/// `sysdraft import`: Mermaid flowcharts, a Structurizr DSL subset or a D2 subset into a design.
/// Pure: text in, a design and messages out. Every parser reads its input once, line by line
/// (no backtracking over the input, no recursion on nesting), so any input ends quickly;
/// anything it does not understand becomes a warning naming the line.
public enum DesignImporter {
    public static func parse(_ text: String, format: ImportFormat) throws(ImportError) -> ImportedDiagram {
        switch format {
        case .mermaid: return try MermaidImporter.parse(text)
        case .structurizr: return try StructurizrImporter.parse(text)
        case .d2: return try D2Importer.parse(text)
        }
    }

    /// The design for `text`. `title` wins over a title found in the file.
    public static func importDesign(_ text: String, format: ImportFormat, title: String? = nil,
                                    now: Date = Date()) throws(ImportError) -> ImportResult {
        let diagram = try parse(text, format: format)
        if diagram.nodes.isEmpty {
            throw ImportError(line: 0, message: "no boxes found" + (diagram.messages.isEmpty ? ""
                : " (" + diagram.messages.prefix(3).map(\.description).joined(separator: "; ") + ")"))
        }
        let (design, messages) = ImportMapping.design(from: diagram, title: title, now: now)
        return ImportResult(design: design, diagram: diagram, messages: messages)
    }
}
