// Fitting a width: the same graph laid out with less and less room per label and box, then in
// the other direction, then with wide layers split, until the drawing fits. Labels stay whole as
// long as wrapping them does; only then do long ones become numbered references.

extension DiagramLayout {
    /// The result of fitting a drawing to a width.
    public struct Fitted: Sendable {
        public var diagram: Diagram
        /// True when the drawing (legend included) is no wider than asked.
        public var fits: Bool
        public init(diagram: Diagram, fits: Bool) { self.diagram = diagram; self.fits = fits }
    }

    /// Lays `graph` out no wider than `width` columns when that is possible: first as
    /// `options` say, then with labels wrapped narrower and narrower (whole as long as they can
    /// be), narrower boxes, the other direction (when `otherDirection`), long labels and then all
    /// labels as numbered references, and finally wide layers split in two. Returns the first
    /// drawing that fits, or the narrowest one.
    public static func fit(_ graph: DiagramGraph, _ options: DiagramOptions, width: Int,
                           otherDirection: Bool = false) -> Fitted {
        var tried: [DiagramOptions] = []
        var best: Diagram?
        func attempt(_ o: DiagramOptions) -> Diagram? {
            if tried.contains(o) { return nil }
            tried.append(o)
            let d = layout(graph, o)
            if best == nil || d.width < best!.width { best = d }
            return d.width <= width ? d : nil
        }
        var base = options
        base.legendWidth = max(20, width)
        let directions = otherDirection ? [options.direction, options.direction.other] : [options.direction]
        for direction in directions {
            var o = base
            o.direction = direction
            // Whole labels: as given, then wrapped onto two lines narrower and narrower.
            let steps: [(labels: Int, boxes: Int)] = [(o.edgeLabelWidth, o.maxLabelWidth), (20, o.maxLabelWidth), (14, 16), (10, 14)]
            for step in steps {
                var v = o
                v.edgeLabelWidth = min(o.edgeLabelWidth, step.labels)
                v.edgeLabelLines = max(2, o.edgeLabelLines)
                v.maxLabelWidth = min(o.maxLabelWidth, step.boxes)
                if step.labels == o.edgeLabelWidth && step.boxes == o.maxLabelWidth { v.edgeLabelLines = o.edgeLabelLines }
                if let d = attempt(v) { return Fitted(diagram: d, fits: true) }
            }
        }
        for direction in directions {
            // Numbered references: long labels, then all of them.
            var v = base
            v.direction = direction
            v.edgeLabelWidth = 8
            v.edgeLabelLines = 1
            v.maxLabelWidth = min(base.maxLabelWidth, 12)
            if let d = attempt(v) { return Fitted(diagram: d, fits: true) }
            v.edgeLabelsAsReferences = true
            if let d = attempt(v) { return Fitted(diagram: d, fits: true) }
        }
        for direction in directions where direction == .topToBottom {
            // Wide layers split (top-down, where a layer runs across): each layer's boxes in
            // runs no wider than the width.
            var v = base
            v.direction = direction
            v.edgeLabelsAsReferences = true
            v.maxLabelWidth = min(base.maxLabelWidth, 12)
            for fraction in [1.0, 0.75, 0.5] {
                v.maxLayerExtent = max(8, Int(Double(width - 4) * fraction))
                if let d = attempt(v) { return Fitted(diagram: d, fits: true) }
            }
        }
        return Fitted(diagram: best!, fits: false)
    }
}
