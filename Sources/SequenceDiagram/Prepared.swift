import TerminalText

/// A script made ready for layout: text cleaned and measured once, the tree flattened into
/// the order things are drawn top to bottom.
struct Prepared {
    struct Message {
        var from: Int
        var to: Int
        var arrow: SequenceScript.Arrow
        var label: String
        var labelWidth: Int
        /// "note: …", or empty.
        var note: String
        var noteWidth: Int
        var isSelf: Bool { from == to }
        /// Messages going right (and self-calls) write their label right of the sender's
        /// lifeline; messages going left write it left of the sender's lifeline.
        var rightward: Bool { to >= from }
        /// The gap between lifelines `gap` and `gap + 1` that holds the label.
        var gap: Int { rightward ? from : from - 1 }
    }

    enum Event {
        case message(Int)
        /// A frame's first section (on its top edge) or a later one (a divider).
        case section(frame: Int, depth: Int, title: String, first: Bool)
        case close(frame: Int, depth: Int)
    }

    var names: [String] = []
    var nameWidths: [Int] = []
    var shorts: [String] = []
    var shortWidths: [Int] = []
    var messages: [Message] = []
    var events: [Event] = []
    var frameCount = 0
    var maxDepth = 0
    /// Widest section title at each depth (for the natural width).
    var titleNeed = 0
    var arrowsUsed: [SequenceScript.Arrow] = []

    init(_ script: SequenceScript, numbered: Bool) {
        let n = script.participants.count
        names = script.participants.map { DiagramText.clean($0.name) }
        nameWidths = names.map { DisplayWidth.of($0) }
        makeShorts()
        var used = Set<SequenceScript.Arrow>()
        events.reserveCapacity(script.items.count + 16)
        messages.reserveCapacity(script.items.count)

        func walk(_ items: [SequenceScript.Item], depth: Int) {
            for item in items {
                switch item {
                case .message(let m):
                    // Out-of-range participants are clamped so a bad script still draws.
                    let from = min(max(0, m.from), max(0, n - 1)), to = min(max(0, m.to), max(0, n - 1))
                    let text = DiagramText.clean(m.text)
                    let label = numbered ? "\(messages.count + 1)." + (text.isEmpty ? "" : " " + text) : text
                    let noteText = DiagramText.clean(m.note)
                    let note = noteText.isEmpty ? "" : "note: " + noteText
                    messages.append(Message(from: from, to: to, arrow: m.arrow, label: label,
                                            labelWidth: DisplayWidth.of(label), note: note,
                                            noteWidth: DisplayWidth.of(note)))
                    used.insert(m.arrow)
                    events.append(.message(messages.count - 1))
                case .frame(let f):
                    let id = frameCount
                    frameCount += 1
                    maxDepth = max(maxDepth, depth + 1)
                    let sections = f.sections.isEmpty ? [SequenceScript.Section(keyword: "")] : f.sections
                    for (i, s) in sections.enumerated() {
                        let keyword = DiagramText.clean(s.keyword), condition = DiagramText.clean(s.condition)
                        var title = keyword
                        if !condition.isEmpty { title += (title.isEmpty ? "" : " ") + "[" + condition + "]" }
                        titleNeed = max(titleNeed, DisplayWidth.of(title) + 4 * depth + 6)
                        events.append(.section(frame: id, depth: depth, title: title, first: i == 0))
                        walk(s.items, depth: depth + 1)
                    }
                    events.append(.close(frame: id, depth: depth))
                }
            }
        }
        walk(script.items, depth: 0)
        arrowsUsed = SequenceScript.Arrow.allCases.filter { used.contains($0) }
    }

    /// Unique short forms: initials, made unique with a number, never equal to another
    /// participant's full name.
    private mutating func makeShorts() {
        var taken = Set(names)
        shorts = []
        for (i, name) in names.enumerated() {
            var base = DiagramText.initials(name)
            if base.isEmpty { base = "P\(i + 1)" }
            var candidate = base, k = 2
            while taken.contains(candidate) && candidate != name {
                candidate = base + "\(k)"
                k += 1
            }
            taken.insert(candidate)
            shorts.append(candidate)
        }
        shortWidths = shorts.map { DisplayWidth.of($0) }
    }

    /// Whether participant `i` is shown by its short form at an abbreviation level.
    func abbreviated(_ i: Int, _ level: SequenceOptions.Abbreviation) -> Bool {
        guard shortWidths[i] < nameWidths[i] else { return false }
        switch level {
        case .none: return false
        case .long: return nameWidths[i] > 12
        case .all: return true
        }
    }

    /// The widest a label or a note gets with labels wrapped at `limit`.
    func labelCells(_ m: Message, limit: Int?) -> (label: Int, note: Int) {
        let label = limit.map { min(m.labelWidth, $0) } ?? m.labelWidth
        guard m.noteWidth > 0 else { return (label, 0) }
        // Notes wrap at the label's width, but never narrower than 24 cells unless the labels
        // are wrapped narrower than that.
        let noteLimit = min(max(label, 24), limit ?? Int.max)
        return (label, min(m.noteWidth, noteLimit))
    }

    var widestText: Int {
        messages.reduce(0) { max($0, $1.labelWidth, $1.noteWidth) }
    }
}
