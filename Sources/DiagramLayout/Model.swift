// Public types of the diagram engine: the input graph, the options and the rendered diagram.
// The module is pure: no terminal, no I/O, no dependencies besides the standard library.

/// A directed graph of boxes and arrows, independent of the design document model.
public struct DiagramGraph: Sendable, Equatable {
    /// A box. `id` must be unique (later duplicates are ignored); `label` is shown inside the box
    /// (the id when empty); `tag` is a short component kind shown as `[LB]`, `[DB]`, `[Q]`, ….
    public struct Node: Sendable, Equatable {
        public var id: String
        public var label: String
        public var tag: String?
        public init(id: String, label: String, tag: String? = nil) {
            self.id = id
            self.label = label
            self.tag = tag
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
        public init(from: String, to: String, label: String? = nil, dashed: Bool = false, bothEnds: Bool = false) {
            self.from = from
            self.to = to
            self.label = label
            self.dashed = dashed
            self.bothEnds = bothEnds
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public init(nodes: [Node] = [], edges: [Edge] = []) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// Flow direction of the layers.
public enum DiagramDirection: Sendable, Equatable {
    case topToBottom
    case leftToRight
}

public struct DiagramOptions: Sendable, Equatable {
    public var direction: DiagramDirection
    /// Plain ASCII (`+-|`, `> < ^ v`, dashed `.` / `:`) instead of Unicode box drawing.
    public var ascii: Bool
    /// Box labels wrap at this display width; edge labels are cut to it (with an ellipsis).
    public var maxLabelWidth: Int
    /// Box labels longer than this many lines are cut (with an ellipsis).
    public var maxLabelLines: Int
    /// Bound on the number of down+up crossing-reduction sweeps.
    public var crossingPasses: Int

    public init(direction: DiagramDirection = .topToBottom, ascii: Bool = false,
                maxLabelWidth: Int = 20, maxLabelLines: Int = 3, crossingPasses: Int = 4) {
        self.direction = direction
        self.ascii = ascii
        self.maxLabelWidth = max(4, maxLabelWidth)
        self.maxLabelLines = max(1, maxLabelLines)
        self.crossingPasses = max(0, crossingPasses)
    }
}

public struct DiagramPoint: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public var description: String { "(\(x),\(y))" }
}

public struct DiagramRect: Hashable, Sendable {
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
    public func intersects(_ o: DiagramRect) -> Bool { x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY }
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
}

/// A laid-out, rendered diagram: a grid of `width × height` cells, row-major.
public struct Diagram: Sendable {
    public let width: Int
    public let height: Int
    /// One grapheme cluster per cell (a space when empty and in continuation cells).
    public let cells: [Character]
    public let roles: [DiagramCellRole]
    /// Node ids in input order (including nodes created for unknown edge endpoints).
    public let nodeIDs: [String]
    public let nodeRects: [String: DiagramRect]
    /// One path per input edge (same index), from the cell next to the `from` box to the cell next
    /// to the `to` box; consecutive points are 4-neighbours. Never empty.
    public let edgePaths: [[DiagramPoint]]
    /// (from, to) indices into `nodeIDs` for each input edge.
    public let edgeEnds: [EdgeEnds]
    /// Where each edge's label (or its numbered marker) was drawn; nil when the edge has no label
    /// or only its legend line holds it.
    public let edgeLabelRects: [DiagramRect?]
    /// Legend lines (drawn at the bottom) for labels that did not fit beside their edge.
    public let legend: [String]
    /// Number of cells where two different edges cross.
    public let crossings: Int

    public struct EdgeEnds: Sendable, Equatable {
        public var from: Int
        public var to: Int
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
            let r = roles[base + x]
            if r == .continuation { continue }
            let c = cells[base + x]
            if c == " " { bytes.append(0x20); continue }
            if let a = c.asciiValue {
                bytes.append(a)
            } else {
                bytes.append(contentsOf: c.utf8)
            }
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

    /// Cells belonging to `node`'s box, its edges (paths, arrowheads) and their labels, row-major.
    /// All false when the id is unknown.
    public func highlightMask(node id: String) -> [Bool] {
        var mask = [Bool](repeating: false, count: width * height)
        guard let r = nodeRects[id], let n = nodeIDs.firstIndex(of: id) else { return mask }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { mask[y * width + x] = true } }
        for (e, ends) in edgeEnds.enumerated() where ends.from == n || ends.to == n {
            for p in edgePaths[e] { mask[p.y * width + p.x] = true }
            if let lr = edgeLabelRects[e] {
                for y in lr.y..<lr.maxY { for x in lr.x..<lr.maxX { mask[y * width + x] = true } }
            }
        }
        return mask
    }
}
