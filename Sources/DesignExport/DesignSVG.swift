import DesignModel
import DiagramLayout

/// The architecture as an SVG drawing: the text diagram's layout (same boxes, routes, labels,
/// group frames) drawn as vector graphics, in the direction the export options ask for (the
/// design's own by default).
public enum DesignSVG {
    public static func render(_ design: Design, options: ExportOptions = ExportOptions()) -> String {
        let direction = DesignDiagram.direction(DiagramOrientation(options.diagram.direction(for: design)))
        let diagram = DesignDiagram.layout(design, direction: direction).diagram
        if diagram.width == 0 {
            // Nothing to draw yet: a small picture that says so.
            let s = options.svgStyle
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"40\" viewBox=\"0 0 320 40\">\n"
                + (s.background.map { "<rect x=\"0\" y=\"0\" width=\"320\" height=\"40\" fill=\"\(DiagramSVGStyle.escape($0))\"/>\n" } ?? "")
                + "<text x=\"10\" y=\"25\" font-family=\"\(DiagramSVGStyle.escape(s.fontFamily))\" font-size=\"\(s.fontSize)\" fill=\"\(DiagramSVGStyle.escape(s.text))\">No components yet</text>\n</svg>\n"
        }
        return diagram.svg(style: options.svgStyle, title: TextSafety.oneLine(design.title))
    }
}
