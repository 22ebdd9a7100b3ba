import TerminalText

/// How to draw a sequence diagram.
public struct SequenceOptions: Equatable, Sendable {
    /// Plain ASCII (`|`, `-`, `+`, `>`) instead of Unicode box drawing.
    public var ascii: Bool
    /// Fit in this many columns when possible: labels are wrapped, then long participant names
    /// abbreviated (with a legend), then labels wrapped narrower. nil: draw at natural width.
    public var width: Int?
    /// Prefix each message with its step number ("3. ").
    public var numbered: Bool
    /// A line under the drawing naming the arrow styles used.
    public var key: Bool
    /// A fixed form instead of fitting (for tests and callers that want one form): wrap
    /// labels at this many cells…
    public var labelWidth: Int?
    /// …and abbreviate participant names: `.none`, names wider than 12 cells, or every name.
    public var abbreviate: Abbreviation?

    public enum Abbreviation: Int, Comparable, Sendable, CaseIterable {
        case none, long, all
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public init(ascii: Bool = false, width: Int? = nil, numbered: Bool = true, key: Bool = true,
                labelWidth: Int? = nil, abbreviate: Abbreviation? = nil) {
        self.ascii = ascii
        self.width = width
        self.numbered = numbered
        self.key = key
        self.labelWidth = labelWidth
        self.abbreviate = abbreviate
    }

    /// The narrowest form the fitting tries: every name abbreviated, labels wrapped at this.
    public static let narrowestLabelWidth = 4
}

/// A drawn sequence diagram: its lines, and where things are on them (so a screen can scroll
/// to a step, keep the participant row in view, or highlight a message).
public struct SequenceDrawing: Equatable, Sendable {
    /// Rows of a message: its label lines, then the arrow (two rows for a self-call), then its
    /// note lines.
    public struct MessageRows: Equatable, Sendable {
        public var label: Range<Int>
        public var arrow: Range<Int>
        public var note: Range<Int>
        public var all: Range<Int> { label.lowerBound..<note.upperBound }
    }

    /// A frame's outline: its top and bottom rows, the divider rows between sections, and its
    /// left and right columns. `depth` 0 is outermost.
    public struct FrameBox: Equatable, Sendable {
        public var top: Int
        public var bottom: Int
        public var dividers: [Int]
        public var left: Int
        public var right: Int
        public var depth: Int
    }

    /// The lines, without trailing spaces; every line is at most `width` cells wide.
    public var lines: [String]
    /// Columns the drawing takes: no line is wider (frames reach it; trailing spaces are cut).
    public var width: Int
    /// Rows taken by the participant boxes at the top.
    public var headerHeight: Int
    /// Column of each participant's lifeline.
    public var lifelines: [Int]
    /// Per message, in step order.
    public var messages: [MessageRows]
    /// Per frame, in the order frames open.
    public var frames: [FrameBox]
    /// Rows of the key and the abbreviation legend (empty when there is none).
    public var legend: Range<Int>
    /// Names shown abbreviated, with their full form, in participant order.
    public var abbreviations: [(short: String, full: String)]
    /// The label wrap width used (nil: labels were not wrapped).
    public var labelWidth: Int?
    /// False when a width was asked for and even the narrowest form is wider.
    public var fits: Bool

    public var height: Int { lines.count }

    public func text() -> String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    /// The part of the drawing seen through a window (for scrolling in both directions): rows
    /// `top..<top+height`, columns `left..<left+width`, each line exactly the window's width or
    /// shorter. A wide character cut by an edge shows as a space.
    public func window(top: Int, left: Int, width: Int, height: Int) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let start = max(0, top), end = min(lines.count, top + height)
        guard start < end else { return [] }
        return lines[start..<end].map { DisplayWidth.window($0, from: left, width: width) }
    }

    public static func == (a: SequenceDrawing, b: SequenceDrawing) -> Bool {
        a.lines == b.lines && a.width == b.width && a.headerHeight == b.headerHeight && a.lifelines == b.lifelines
            && a.messages == b.messages && a.frames == b.frames && a.legend == b.legend
            && a.abbreviations.map(\.short) == b.abbreviations.map(\.short)
            && a.abbreviations.map(\.full) == b.abbreviations.map(\.full)
            && a.labelWidth == b.labelWidth && a.fits == b.fits
    }
}
