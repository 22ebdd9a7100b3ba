import DesignExport
import DesignModel
import SequenceDiagram

/// The sequence screen's state: the drawing of the scenario (fitted to the screen's width, in
/// Unicode or ASCII), how far it is scrolled each way, and which step not in the architecture
/// is selected. The reducer owns the scrolling (so it is tested without a terminal); the view
/// draws the participant rows pinned at the top and the part of the body the scroll shows.
public struct SequenceView: Equatable, Sendable {
    /// Columns one sideways scroll key moves.
    public static let scrollStep = 8
    /// The narrowest width the drawing is fitted to (below it, it scrolls sideways).
    public static let narrowestFit = 20

    /// First column of the drawing shown.
    public private(set) var scrollX = 0
    /// First row below the participant header shown.
    public private(set) var scrollY = 0
    /// Plain ASCII instead of box drawing (a terminal that cannot show it, or `A`).
    public var ascii = false
    /// The selected step among those not in the architecture (an index into `unsupported`).
    public var missing = 0
    /// The step drawn highlighted (its number, from 1): the one selected in the step editor or
    /// among those not in the architecture.
    public var focusStep: Int?
    /// The drawing for the scenario, width and glyphs as last seen (nil: no steps, or none).
    public private(set) var layout: LaidOutSequence?

    public init() {}

    /// Where things go on a screen of `size`: the drawing's width and height (participant rows
    /// included), and the rows of the list of steps not in the architecture under it (a rule
    /// with the list's title on it, then one row per step, up to a quarter of the screen).
    public struct Viewport: Equatable, Sendable {
        public var width: Int
        public var height: Int
        public var panelRows: Int
        /// Steps listed in the panel at once.
        public var panelLines: Int
    }

    public static func viewport(_ size: ScreenSize, missing: Int) -> Viewport {
        let innerWidth = max(0, size.columns - 2), innerHeight = max(0, size.rows - 4)
        let lines = missing == 0 ? 0 : max(1, min(missing, innerHeight / 4))
        let panel = missing == 0 ? 0 : lines + 1
        return Viewport(width: max(1, innerWidth - 2), height: max(1, innerHeight - panel), panelRows: panel, panelLines: lines)
    }

    public func viewport(_ size: ScreenSize) -> Viewport {
        Self.viewport(size, missing: layout?.unsupported.count ?? 0)
    }

    /// Body rows visible under the pinned participant rows.
    public func bodyRows(_ size: ScreenSize) -> Int {
        max(1, viewport(size).height - (layout?.drawing.headerHeight ?? 0))
    }

    /// Draws the scenario again when it, the components, the flows, the width or the glyphs
    /// changed.
    mutating func refresh(_ design: Design, scenario id: ItemID<Scenario>?, size: ScreenSize) {
        guard let id, let s = design.scenarios[id: id], s.stepCount > 0 else {
            layout = nil
            return
        }
        let width = max(Self.narrowestFit, Self.viewport(size, missing: 0).width)
        if let layout, layout.matches(s, design, width: width, ascii: ascii) { return }
        layout = LaidOutSequence(s, design, width: width, ascii: ascii)
        missing = min(missing, max(0, (layout?.unsupported.count ?? 1) - 1))
    }

    /// Scrolls by whole rows and columns, never past the drawing's edges.
    mutating func scroll(dx: Int, dy: Int, size: ScreenSize) {
        scrollX += dx
        scrollY += dy
        clamp(size)
    }

    mutating func scroll(toX x: Int? = nil, y: Int? = nil, size: ScreenSize) {
        if let x { scrollX = x }
        if let y { scrollY = y }
        clamp(size)
    }

    /// Keeps the scroll inside the drawing (at the origin when it fits).
    mutating func clamp(_ size: ScreenSize) {
        guard let d = layout?.drawing else {
            scrollX = 0
            scrollY = 0
            return
        }
        let v = viewport(size)
        scrollX = min(max(0, scrollX), max(0, d.width - v.width))
        scrollY = min(max(0, scrollY), max(0, d.height - d.headerHeight - bodyRows(size)))
    }

    /// Scrolls as little as possible to bring step `number` (from 1) into view, with a row of
    /// context above it when it has to move.
    mutating func reveal(step number: Int, size: ScreenSize) {
        guard let layout, layout.drawing.messages.indices.contains(number - 1) else { return }
        let d = layout.drawing
        let rows = d.messages[number - 1].all
        let top = rows.lowerBound - d.headerHeight, bottom = rows.upperBound - d.headerHeight
        let visible = bodyRows(size)
        if top < scrollY { scrollY = max(0, top - 1) }
        if bottom > scrollY + visible { scrollY = bottom - visible + (bottom - top < visible ? 1 : 0) }
        let span = layout.columns(of: number - 1)
        let width = viewport(size).width
        if span.lowerBound < scrollX || span.upperBound > scrollX + width { scrollX = max(0, span.lowerBound - 2) }
        clamp(size)
    }
}

/// A scenario drawn at one width with one set of glyphs, what it was drawn from, and the steps
/// the architecture does not support. Shared by reference between the state and the view and
/// compared by identity: a new drawing is a new object.
public final class LaidOutSequence: Equatable, Sendable {
    public let scenario: Scenario
    let components: [Component]
    let flows: [Flow]
    public let width: Int
    public let ascii: Bool
    public let drawing: SequenceDrawing
    /// The steps no data flow carries, in step order.
    public let unsupported: [UnsupportedStep]
    /// Per message (step order): the lifeline indices of its sender and receiver.
    public let ends: [SequenceEnds]

    public struct SequenceEnds: Equatable, Sendable {
        public var from: Int
        public var to: Int
    }

    init(_ scenario: Scenario, _ design: Design, width: Int, ascii: Bool) {
        self.scenario = scenario
        components = design.components
        flows = design.flows
        self.width = width
        self.ascii = ascii
        let script = ScenarioDiagram.script(scenario, in: design)
        drawing = SequenceRenderer.render(script, SequenceOptions(ascii: ascii, width: width))
        unsupported = design.unsupportedSteps(in: scenario)
        ends = script.messages.map { SequenceEnds(from: $0.from, to: $0.to) }
    }

    func matches(_ scenario: Scenario, _ design: Design, width: Int, ascii: Bool) -> Bool {
        self.width == width && self.ascii == ascii && self.scenario == scenario
            && components == design.components && flows == design.flows
    }

    /// The columns a message's arrow and label take (between its lifelines; to the right of the
    /// lifeline for a self-call).
    public func columns(of message: Int) -> Range<Int> {
        guard ends.indices.contains(message), !drawing.lifelines.isEmpty else { return 0..<drawing.width }
        let e = ends[message]
        let lines = drawing.lifelines
        guard lines.indices.contains(e.from), lines.indices.contains(e.to) else { return 0..<drawing.width }
        let a = lines[e.from], b = lines[e.to]
        if a == b { return (a + 1)..<drawing.width }
        return (min(a, b) + 1)..<max(a, b)
    }

    /// The step numbers not in the architecture, for marking them in the drawing.
    public var unsupportedNumbers: Set<Int> { Set(unsupported.map(\.number)) }

    public static func == (a: LaidOutSequence, b: LaidOutSequence) -> Bool { a === b }
}
