// Public types of the diagram engine: the input graph, the options and the laid-out diagram.
// The module is pure: no terminal, no I/O, no dependencies besides TerminalText.

/// A directed graph of boxes and arrows, independent of the design document model.
public struct DiagramGraph: Sendable, Equatable {
    /// A box. `id` must be unique (later duplicates are ignored); `label` is shown inside the box
    /// (the id when empty); `tag` is a short component kind shown as `[LB]`, `[DB]`, `[Q]`, ….
    /// `group` names the innermost group the box belongs to (unknown ids are ignored).
    public struct Node: Sendable, Equatable {
        public var id: String
        public var label: String
        public var tag: String?
        public var group: String?
        public init(id: String, label: String, tag: String? = nil, group: String? = nil) {
            self.id = id
            self.label = label
            self.tag = tag
            self.group = group
        }
    }

    /// An arrow from `from` to `to`. `dashed` draws an async flow; `bothEnds` draws arrowheads at
    /// both ends (two-way flow). An edge naming an unknown node id creates a box for that id.
    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var label: String?
        public var dashed: Bool
        public var bothEnds: Bool
        /// The caller's name for the edge (a flow id), kept in the drawing for highlighting.
        public var id: String?
        public init(from: String, to: String, label: String? = nil, dashed: Bool = false, bothEnds: Bool = false,
                    id: String? = nil) {
            self.from = from
            self.to = to
            self.label = label
            self.dashed = dashed
            self.bothEnds = bothEnds
            self.id = id
        }
    }

    /// A frame around boxes: a region, a network, a trust boundary, a team. Groups nest through
    /// `parent`; an unknown parent or a parent cycle makes a group top-level. A group without
    /// member boxes (directly or through nested groups) is not drawn.
    public struct Group: Sendable, Equatable {
        public var id: String
        /// The frame's title, drawn on its top border.
        public var label: String
        public var parent: String?
        public init(id: String, label: String, parent: String? = nil) {
            self.id = id
            self.label = label
            self.parent = parent
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public var groups: [Group]
    public init(nodes: [Node] = [], edges: [Edge] = [], groups: [Group] = []) {
        self.nodes = nodes
        self.edges = edges
        self.groups = groups
    }
}

/// Flow direction of the layers.
public enum DiagramDirection: Sendable, Equatable, CaseIterable {
    case topToBottom
    case leftToRight

    public var other: DiagramDirection { self == .topToBottom ? .leftToRight : .topToBottom }
}

public struct DiagramOptions: Sendable, Equatable {
    public var direction: DiagramDirection
    /// Plain ASCII (`+-|`, `> < ^ v`, dashed `.` / `:`, frames `#=!`) instead of Unicode.
    public var ascii: Bool
    /// Box text wraps at spaces to this display width (a word wider than this is split).
    public var maxLabelWidth: Int
    /// Box text longer than this many lines is cut (with an ellipsis).
    public var maxLabelLines: Int
    /// Edge labels wrap at spaces to this width, onto at most `edgeLabelLines` lines; a label
    /// that needs more becomes a numbered reference with a legend line under the drawing.
    public var edgeLabelWidth: Int
    public var edgeLabelLines: Int
    /// Every edge label as a numbered reference (the narrowest drawing).
    public var edgeLabelsAsReferences: Bool
    /// Layers whose boxes need more than this many cells along the layer are split into
    /// several layers (nil: never split).
    public var maxLayerExtent: Int?
    /// Bound on the crossing-reduction iterations (down and up sweeps with transposition).
    public var crossingPasses: Int
    /// Legend lines wrap to this width (nil: the drawing's width, at least 40 columns).
    public var legendWidth: Int?

    public init(direction: DiagramDirection = .topToBottom, ascii: Bool = false,
                maxLabelWidth: Int = 20, maxLabelLines: Int = 4, crossingPasses: Int = 24,
                edgeLabelWidth: Int = 40, edgeLabelLines: Int = 2, edgeLabelsAsReferences: Bool = false,
                maxLayerExtent: Int? = nil, legendWidth: Int? = nil) {
        self.direction = direction
        self.ascii = ascii
        self.maxLabelWidth = max(4, maxLabelWidth)
        self.maxLabelLines = max(1, maxLabelLines)
        self.crossingPasses = max(0, crossingPasses)
        self.edgeLabelWidth = max(4, edgeLabelWidth)
        self.edgeLabelLines = max(1, edgeLabelLines)
        self.edgeLabelsAsReferences = edgeLabelsAsReferences
        self.maxLayerExtent = maxLayerExtent.map { max(8, $0) }
        self.legendWidth = legendWidth.map { max(20, $0) }
    }
}

public struct DiagramPoint: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public var description: String { "(\(x),\(y))" }
}

public struct DiagramRect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(_ p: DiagramPoint) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }
    public func contains(_ r: DiagramRect) -> Bool { r.x >= x && r.y >= y && r.maxX <= maxX && r.maxY <= maxY }
    public func intersects(_ o: DiagramRect) -> Bool { x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY }
    /// The rect grown by `d` cells on every side.
    public func insetBy(_ d: Int) -> DiagramRect { DiagramRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    public var description: String { "[\(x),\(y) \(width)×\(height)]" }
}

/// What a cell of the drawing shows, so a view can style it.
public enum DiagramCellRole: UInt8, Sendable {
    case empty
    case boxBorder
    case boxText
    case tag
    case edge
    case arrowhead
    case label
    case legend
    /// The right half of a wide (two-column) glyph; `text()` skips it.
    case continuation
    /// A group's frame and its title.
    case groupFrame
    case groupTitle
}

/// How an edge's label is shown.
public enum DiagramLabelPlacement: Sendable, Equatable {
    /// The edge has no label.
    case none
    /// The whole label is drawn beside the edge (possibly on two lines).
    case full
    /// A numbered marker `(n)` is drawn beside the edge and the label is legend entry `n`.
    case reference(Int)
}

/// A laid-out, rendered diagram: a grid of `width × height` cells, row-major.
public struct Diagram: Sendable {
    public let width: Int
    public let height: Int
    /// One grapheme cluster per cell (a space when empty and in continuation cells).
    public let cells: DiagramCells
    public let roles: [DiagramCellRole]
    /// Node ids in input order (including nodes created for unknown edge endpoints).
    public let nodeIDs: [String]
    public let nodeRects: [String: DiagramRect]
    /// One path per input edge (same index), from the cell next to the `from` box to the cell next
    /// to the `to` box; consecutive points are 4-neighbours. Never empty.
    public let edgePaths: [[DiagramPoint]]
    /// (from, to) indices into `nodeIDs` for each input edge.
    public let edgeEnds: [EdgeEnds]
    /// Where each edge's label (or its numbered marker) was drawn; nil when the edge has none.
    public let edgeLabelRects: [DiagramRect?]
    /// Legend entries (`(n) from → to: label`) for labels shown as numbered references. The
    /// drawing shows them under the boxes, wrapped (never cut) to the legend width.
    public let legend: [String]
    /// Number of cells where two different edges cross.
    public let crossings: Int
    /// What the drawing shows for each edge's label.
    public let labelPlacements: [DiagramLabelPlacement]
    /// The lines drawn for each edge's label or marker (empty when none), for other renderers.
    public let edgeLabelLines: [[String]]
    /// The caller's edge ids (`DiagramGraph.Edge.id`), by input edge.
    public let edgeIDs: [String?]
    /// Edge styles, by input edge.
    public let edgeDashed: [Bool]
    public let edgeBothEnds: [Bool]
    /// Box text lines per node (same order as `nodeIDs`) and the columns of the first line that
    /// hold the kind tag.
    public let nodeLines: [[String]]
    public let nodeTagColumns: [Int]
    /// Drawn group frames (border included), their titles as drawn, innermost groups last.
    public let groupIDs: [String]
    public let groupRects: [String: DiagramRect]
    public let groupTitles: [String: String]
    /// The group ids each node sits in, innermost last.
    public let nodeGroups: [String: [String]]
    /// The direction the drawing was laid out in.
    public let direction: DiagramDirection
    /// Rows of the drawing above the legend (the legend follows one blank row later).
    public let drawingHeight: Int

    public struct EdgeEnds: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public init(from: Int, to: Int) { self.from = from; self.to = to }
    }

    public init(width: Int, height: Int, cells: [Character], roles: [DiagramCellRole], nodeIDs: [String],
                nodeRects: [String: DiagramRect], edgePaths: [[DiagramPoint]], edgeEnds: [EdgeEnds],
                edgeLabelRects: [DiagramRect?], legend: [String], crossings: Int,
                labelPlacements: [DiagramLabelPlacement]? = nil, edgeLabelLines: [[String]]? = nil,
                edgeIDs: [String?]? = nil, edgeDashed: [Bool]? = nil, edgeBothEnds: [Bool]? = nil,
                nodeLines: [[String]]? = nil, nodeTagColumns: [Int]? = nil,
                groupIDs: [String] = [], groupRects: [String: DiagramRect] = [:], groupTitles: [String: String] = [:],
                nodeGroups: [String: [String]] = [:], direction: DiagramDirection = .topToBottom,
                drawingHeight: Int? = nil) {
        self.init(width: width, height: height, storage: DiagramCells(cells), roles: roles, nodeIDs: nodeIDs,
                  nodeRects: nodeRects, edgePaths: edgePaths, edgeEnds: edgeEnds, edgeLabelRects: edgeLabelRects,
                  legend: legend, crossings: crossings, labelPlacements: labelPlacements, edgeLabelLines: edgeLabelLines,
                  edgeIDs: edgeIDs, edgeDashed: edgeDashed, edgeBothEnds: edgeBothEnds, nodeLines: nodeLines,
                  nodeTagColumns: nodeTagColumns, groupIDs: groupIDs, groupRects: groupRects, groupTitles: groupTitles,
                  nodeGroups: nodeGroups, direction: direction, drawingHeight: drawingHeight)
    }

    init(width: Int, height: Int, storage cells: DiagramCells, roles: [DiagramCellRole], nodeIDs: [String],
                nodeRects: [String: DiagramRect], edgePaths: [[DiagramPoint]], edgeEnds: [EdgeEnds],
                edgeLabelRects: [DiagramRect?], legend: [String], crossings: Int,
                labelPlacements: [DiagramLabelPlacement]? = nil, edgeLabelLines: [[String]]? = nil,
                edgeIDs: [String?]? = nil, edgeDashed: [Bool]? = nil, edgeBothEnds: [Bool]? = nil,
                nodeLines: [[String]]? = nil, nodeTagColumns: [Int]? = nil,
                groupIDs: [String] = [], groupRects: [String: DiagramRect] = [:], groupTitles: [String: String] = [:],
                nodeGroups: [String: [String]] = [:], direction: DiagramDirection = .topToBottom,
                drawingHeight: Int? = nil) {
        self.width = width
        self.height = height
        self.cells = cells
        self.roles = roles
        self.nodeIDs = nodeIDs
        self.nodeRects = nodeRects
        self.edgePaths = edgePaths
        self.edgeEnds = edgeEnds
        self.edgeLabelRects = edgeLabelRects
        self.legend = legend
        self.crossings = crossings
        self.labelPlacements = labelPlacements ?? edgeLabelRects.map { $0 == nil ? .none : .full }
        self.edgeLabelLines = edgeLabelLines ?? edgeLabelRects.map { _ in [] }
        self.edgeIDs = edgeIDs ?? edgePaths.map { _ in nil }
        self.edgeDashed = edgeDashed ?? edgePaths.map { _ in false }
        self.edgeBothEnds = edgeBothEnds ?? edgePaths.map { _ in false }
        self.nodeLines = nodeLines ?? nodeIDs.map { [$0] }
        self.nodeTagColumns = nodeTagColumns ?? nodeIDs.map { _ in 0 }
        self.groupIDs = groupIDs
        self.groupRects = groupRects
        self.groupTitles = groupTitles
        self.nodeGroups = nodeGroups
        self.direction = direction
        self.drawingHeight = drawingHeight ?? height
    }

    /// The glyph at (x, y), or nil for a continuation cell or outside the drawing.
    public func cell(x: Int, y: Int) -> Character? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let i = y * width + x
        return roles[i] == .continuation ? nil : cells[i]
    }

    public func role(x: Int, y: Int) -> DiagramCellRole {
        guard x >= 0, y >= 0, x < width, y < height else { return .empty }
        return roles[y * width + x]
    }

    /// Row `y` as text, continuation cells skipped, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var bytes: [UInt8] = []
        appendLine(y, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendLine(_ y: Int, to bytes: inout [UInt8]) {
        let base = y * width
        var keep = bytes.count
        for x in 0..<width {
            let i = base + x
            if roles[i] == .continuation { continue }
            if cells.isSpace(i) { bytes.append(0x20); continue }
            cells.appendUTF8(i, to: &bytes)
            keep = bytes.count
        }
        bytes.removeSubrange(keep...)
    }

    /// The whole drawing, one line per row, each ending in a newline.
    public func text() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height + height)
        for y in 0..<height {
            appendLine(y, to: &bytes)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
