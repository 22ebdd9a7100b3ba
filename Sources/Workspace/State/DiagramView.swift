import DesignExport
import DesignModel
import DiagramLayout

/// The diagram screen's state: the laid-out drawing, the camera over it, and the component in
/// focus. The reducer owns the camera (so panning, centring and clamping are tested without a
/// terminal); the view only draws the part the camera shows.
public struct DiagramView: Equatable, Sendable {
    /// Above this many components the screen says so instead of laying out (seconds of work).
    public static let interactiveLimit = 400
    /// How far one pan key moves.
    public static let panStep = (x: 8, y: 4)

    /// Top-left cell of the drawing shown in the top-left of the viewport.
    public private(set) var panX = 0
    public private(set) var panY = 0
    public var leftToRight = false
    /// The highlighted component (its id).
    public var focused: String?
    /// The drawing for the current design and direction (nil when empty or too large).
    public private(set) var layout: LaidOutDiagram?
    /// A path through the design to highlight (a scenario): the rest is drawn dim.
    public private(set) var highlight: DiagramHighlight?

    public init() {}

    /// The cells of the drawing visible on a screen of `size`: the whole screen less the header,
    /// the status line and the view's border.
    public static func viewport(_ size: ScreenSize) -> (width: Int, height: Int) {
        (max(0, size.columns - 2), max(0, size.rows - 4))
    }

    /// Lays the design out again when its components, flows or the direction changed.
    mutating func refresh(_ design: Design) {
        if let layout, layout.matches(design, leftToRight: leftToRight) { return }
        guard !design.components.isEmpty, design.components.count <= Self.interactiveLimit else {
            layout = nil
            return
        }
        layout = LaidOutDiagram(design, leftToRight: leftToRight)
    }

    /// Moves the camera by whole steps, never past the drawing's edges.
    mutating func pan(dx: Int, dy: Int, size: ScreenSize) {
        panX += dx * Self.panStep.x
        panY += dy * Self.panStep.y
        clamp(size)
    }

    /// Centres the camera on the focused component; with `onlyIfHidden`, only when part of it
    /// is outside the viewport (stepping through components keeps the surroundings still).
    mutating func centreOnFocus(_ size: ScreenSize, onlyIfHidden: Bool = false) {
        guard let focused, let r = layout?.diagram.nodeRects[focused] else { return clamp(size) }
        let (w, h) = Self.viewport(size)
        if !onlyIfHidden || r.x < panX || r.x + r.width > panX + w { panX = r.x + r.width / 2 - w / 2 }
        if !onlyIfHidden || r.y < panY || r.y + r.height > panY + h { panY = r.y + r.height / 2 - h / 2 }
        clamp(size)
    }

    /// Keeps the camera inside the drawing (at the origin when the drawing fits).
    mutating func clamp(_ size: ScreenSize) {
        let (w, h) = Self.viewport(size)
        let width = layout?.diagram.width ?? 0, height = layout?.diagram.height ?? 0
        panX = min(max(0, panX), max(0, width - w))
        panY = min(max(0, panY), max(0, height - h))
    }

    /// Highlights a path through the design — a scenario's components and flows (ids) — and
    /// dims the rest; nothing to highlight clears it. Pure: the scenario screens call it.
    public mutating func highlightPath(components: Set<String>, flows: Set<String>) {
        highlight = components.isEmpty && flows.isEmpty ? nil : DiagramHighlight(components: components, flows: flows)
    }

    public mutating func clearHighlight() { highlight = nil }
}

/// Components and flows to keep bright in the diagram (by id).
public struct DiagramHighlight: Equatable, Sendable {
    public var components: Set<String>
    public var flows: Set<String>
    public init(components: Set<String>, flows: Set<String>) {
        self.components = components
        self.flows = flows
    }
}

/// A laid-out drawing and what it was laid out from. Shared by reference between the state and
/// the view, and compared by identity: a new layout is a new object.
public final class LaidOutDiagram: Equatable, Sendable {
    public let components: [Component]
    public let flows: [Flow]
    public let leftToRight: Bool
    public let diagram: Diagram

    init(_ design: Design, leftToRight: Bool) {
        components = design.components
        flows = design.flows
        self.leftToRight = leftToRight
        diagram = DesignDiagram.layout(design, leftToRight: leftToRight)
    }

    func matches(_ design: Design, leftToRight: Bool) -> Bool {
        self.leftToRight == leftToRight && components == design.components && flows == design.flows
    }

    public static func == (a: LaidOutDiagram, b: LaidOutDiagram) -> Bool { a === b }
}
