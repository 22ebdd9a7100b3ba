import DesignModel
import DiagramLayout

/// The architecture as an SVG drawing: the text diagram's layout (same boxes, routes, labels,
/// group frames) drawn as vector graphics, in the direction the export options ask for (the
/// design's own by default).
public enum DesignSVG {
    public static func render(_ design: Design, options: ExportOptions = ExportOptions()) -> String {
        let direction = DesignDiagram.direction(DiagramOrientation(options.diagram.direction(for: design)))
        let diagram = DesignDiagram.layout(design, direction: direction).diagram
        return diagram.svg(style: options.svgStyle, title: design.title)
    }
}
