import DesignExport
import DesignModel
import DiagramLayout

/// The diagram screen's state: the laid-out drawing (fitted to the screen's width), the part of
/// the design it shows, the camera over it, the component in focus and a highlighted path. The
/// reducer owns all of it (so panning, centring, views and clamping are tested without a
/// terminal); the view only draws the part the camera shows.
public struct DiagramView: Equatable, Sendable {
    /// Above this many components the screen says so instead of laying out (seconds of work).
    public static let interactiveLimit = 400
    /// How far one pan key moves.
    public static let panStep = (x: 8, y: 4)
    /// Kind sets `v` steps through, after "every kind".
    public static let kindViews: [(name: String, kinds: Set<Component.Kind>)] = [
        ("services and data", [.service, .worker, .auth, .database, .cache, .queue, .objectStorage, .searchIndex]),
        ("data stores", [.database, .cache, .queue, .objectStorage, .searchIndex]),
        ("entry points", [.client, .app, .dns, .cdn, .loadBalancer, .apiGateway, .external]),
    ]

    /// Top-left cell of the drawing shown in the top-left of the viewport.
    public private(set) var panX = 0
    public private(set) var panY = 0
    /// A direction flipped in a read-only session (not kept in the design); nil: the design's.
    public var directionOverride: DiagramOrientation?
    /// The highlighted component (its id).
    public var focused: String?
    /// The part of the design shown.
    public internal(set) var selection: DiagramSelection = .all
    /// Which kind set `v` chose last (-1: none).
    public internal(set) var kindView = -1
    /// A path through the design to highlight (a scenario): the rest is drawn dim.
    public private(set) var highlight: DiagramHighlight?
    /// The drawing for the current design, direction, view and width (nil when empty or too large).
    public private(set) var layout: LaidOutDiagram?
    /// The width the drawing is fitted to (the viewport's, as last seen).
    public private(set) var fitWidth = 78

    public init() {}

    /// The direction a design is drawn in here.
    public func orientation(_ design: Design) -> DiagramOrientation { directionOverride ?? design.diagramDirection }

    /// Compatibility for callers that flip the direction locally: true when left to right.
    public var leftToRight: Bool {
        get { (directionOverride ?? layout?.orientation ?? .standard) == .leftRight }
        set { directionOverride = newValue ? .leftRight : .topDown }
    }

    /// The cells of the drawing visible on a screen of `size`: the whole screen less the header,
    /// the status line and the view's border.
    public static func viewport(_ size: ScreenSize) -> (width: Int, height: Int) {
        (max(0, size.columns - 2), max(0, size.rows - 4))
    }

    /// Lays the design out again when its components, flows, groups, direction, the view or the
    /// width changed.
    mutating func refresh(_ design: Design) {
        let orientation = self.orientation(design)
        if let layout, layout.matches(design, orientation: orientation, selection: selection, width: fitWidth) { return }
        guard !design.components.isEmpty, design.components.count <= Self.interactiveLimit else {
            layout = nil
            return
        }
        layout = LaidOutDiagram(design, orientation: orientation, selection: selection, width: fitWidth)
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

    /// Keeps the camera inside the drawing (at the origin when the drawing fits). A new screen
    /// width lays the drawing out again for it.
    mutating func clamp(_ size: ScreenSize) {
        let (w, h) = Self.viewport(size)
        if w >= 20 && w != fitWidth, let old = layout {
            fitWidth = w
            layout = old.relaidOut(width: w)
        } else if w >= 20 {
            fitWidth = w
        }
        let width = layout?.diagram.width ?? 0, height = layout?.diagram.height ?? 0
        panX = min(max(0, panX), max(0, width - w))
        panY = min(max(0, panY), max(0, height - h))
    }

    // MARK: views

    /// Shows `selection` (the whole design, a component's neighbourhood, a group, some kinds).
    mutating func show(_ selection: DiagramSelection, design: Design, size: ScreenSize) {
        self.selection = selection
        if case .kinds = selection {} else { kindView = -1 }
        refresh(design)
        centreOnFocus(size)
    }

    /// Highlights a path through the design — a scenario's components and flows (ids) — and
    /// dims the rest; nil clears it. Pure: the scenarios screen calls it.
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
    public let groups: [ComponentGroup]
    public let orientation: DiagramOrientation
    public let selection: DiagramSelection
    public let width: Int
    public let diagram: Diagram
    /// False when even the narrowest drawing is wider than `width`.
    public let fits: Bool

    init(_ design: Design, orientation: DiagramOrientation, selection: DiagramSelection, width: Int) {
        components = design.components
        flows = design.flows
        groups = design.groups
        self.orientation = orientation
        self.selection = selection
        self.width = width
        let fitted = DesignDiagram.layout(design, selection: selection, direction: DesignDiagram.direction(orientation),
                                          width: width)
        diagram = fitted.diagram
        fits = fitted.fits
    }

    func matches(_ design: Design, orientation: DiagramOrientation, selection: DiagramSelection, width: Int) -> Bool {
        self.orientation == orientation && self.selection == selection && self.width == width
            && components == design.components && flows == design.flows && groups == design.groups
    }

    /// The same drawing for another screen width.
    func relaidOut(width: Int) -> LaidOutDiagram {
        var d = Design(title: "", now: .init(timeIntervalSince1970: 0))
        d.components = components
        d.flows = flows
        d.groups = groups
        return LaidOutDiagram(d, orientation: orientation, selection: selection, width: width)
    }

    public static func == (a: LaidOutDiagram, b: LaidOutDiagram) -> Bool { a === b }
}

// MARK: - Commands

extension Workspace {
    /// The diagram screen's view commands (direction, focus, group, kinds, whole design); nil
    /// means "not handled here".
    static func diagramViewCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect]? {
        let design = state.design
        switch command {
        case .toggleDirection:
            let next = state.diagram.orientation(design).flipped
            if state.readOnly {
                state.diagram.directionOverride = next
                state.message = StatusMessage("Read-only: the direction is shown, not kept in the design", .info)
            } else {
                state.diagram.directionOverride = nil
                mutate(&state, "Diagram direction: \(next.rawValue)", env) { $0.diagramDirection = next }
                state.message = StatusMessage("The diagram now runs \(next.rawValue) — kept in the design (u undoes)", .info)
            }
            state.diagram.refresh(state.design)
            state.diagram.centreOnFocus(state.size)
        case .diagramFocus:
            guard let id = state.diagram.focused.map({ ItemID<Component>($0) }) ?? design.components.first?.id else { return [] }
            state.diagram.focused = id.rawValue
            let next: DiagramSelection
            switch state.diagram.selection {
            case .focus(let f, 1) where f == id: next = .focus(id, depth: 2)
            case .focus(let f, _) where f == id: next = .all
            default: next = .focus(id, depth: 1)
            }
            state.diagram.show(next, design: design, size: state.size)
            state.message = StatusMessage(next == .all ? "The whole design" : "Showing " + next.describe(in: design) + " — f again widens", .info)
        case .diagramGroup:
            let groups = design.groups.filter { !design.components(inGroup: $0.id).isEmpty }
            guard !groups.isEmpty else {
                state.message = StatusMessage("The design has no groups yet", .info)
                return []
            }
            // The focused component's group first, then the others in order, then everything.
            var order = groups
            if let f = state.diagram.focused, let g = design.components.first(where: { $0.id.rawValue == f })?.group,
               let i = order.firstIndex(where: { $0.id == g }) {
                order = Array(order[i...]) + Array(order[..<i])
            }
            var index = 0
            if case .group(let current) = state.diagram.selection, let i = order.firstIndex(where: { $0.id == current }) {
                index = i + 1
            }
            let next: DiagramSelection = index < order.count ? .group(order[index].id) : .all
            state.diagram.show(next, design: design, size: state.size)
            state.message = StatusMessage(next == .all ? "The whole design" : "Showing group " + next.describe(in: design) + " — g for the next", .info)
        case .diagramKinds:
            let k = state.diagram.kindView + 1
            if k < DiagramView.kindViews.count {
                state.diagram.show(.kinds(DiagramView.kindViews[k].kinds), design: design, size: state.size)
                state.diagram.kindView = k
                state.message = StatusMessage("Showing " + DiagramView.kindViews[k].name + " — v for the next", .info)
            } else {
                state.diagram.show(.all, design: design, size: state.size)
                state.message = StatusMessage("Every kind", .info)
            }
        case .diagramAll:
            state.diagram.show(.all, design: design, size: state.size)
            state.message = StatusMessage("The whole design", .info)
        default:
            return nil
        }
        return []
    }
}
