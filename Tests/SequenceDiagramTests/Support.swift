import SequenceDiagram
import TerminalText
import TestSupport

/// Random scripts for property tests: 1–8 participants (some with wide or long names),
/// messages between any two (self-calls included) in every arrow style, notes, and frames
/// nested up to four deep with one to three sections, some empty. Texts never contain the
/// glyphs arrows are drawn with, so the checker can count arrowheads.
enum RandomScripts {
    static let words = ["GET", "/links", "cache", "lookup", "write", "ok", "302", "Found", "retry", "id",
                        "validate", "the", "long", "URL", "缩短", "数据库", "🚀", "x", "supercalifragilistic",
                        "event", "batch", "key", "a", "b"]

    static func text(_ g: inout SeededGenerator, maxWords: Int) -> String {
        let n = g.int(maxWords + 1)
        return (0..<n).map { _ in words[g.int(words.count)] }.joined(separator: " ")
    }

    static func script(seed: UInt64) -> SequenceScript {
        var g = SeededGenerator(seed: seed)
        let n = 1 + g.int(8)
        let participants = (0..<n).map { i -> SequenceScript.Participant in
            let name = g.int(4) == 0 ? "Participant with a long name \(i)" : (g.int(3) == 0 ? "数据库 \(i)" : "P\(i) " + words[g.int(words.count)])
            return SequenceScript.Participant(name)
        }
        var budget = 4 + g.int(40)
        func items(_ depth: Int) -> [SequenceScript.Item] {
            var out: [SequenceScript.Item] = []
            let count = g.int(depth == 0 ? 12 : 5)
            for _ in 0..<count where budget > 0 {
                budget -= 1
                if depth < 4 && g.int(4) == 0 {
                    let sections = (0..<(1 + g.int(3))).map { i in
                        SequenceScript.Section(keyword: ["alt", "else", "opt", "loop", "par", "retry"][g.int(6)],
                                               condition: text(&g, maxWords: 6), items: items(depth + 1))
                    }
                    out.append(.frame(SequenceScript.Frame(sections: sections)))
                } else {
                    let arrow = SequenceScript.Arrow.allCases[g.int(3)]
                    out.append(.message(SequenceScript.Message(from: g.int(n), to: g.int(n), text: text(&g, maxWords: 7),
                                                               arrow: arrow, note: g.int(5) == 0 ? text(&g, maxWords: 9) : "")))
                }
            }
            return out
        }
        var top = items(0)
        if top.isEmpty { top = [.message(SequenceScript.Message(from: 0, to: n - 1, text: "only"))] }
        return SequenceScript(participants: participants, items: top)
    }
}

/// Reads a drawing back cell by cell and checks what the renderer promises.
struct Checker {
    let script: SequenceScript
    let drawing: SequenceDrawing
    let ascii: Bool
    var grid: [[Character]] = []
    /// Stands for the second cell of a wide character (typed: PropertyBased adds an `append`
    /// overload that a string literal would pick).
    static let filler: Character = "\u{0}"

    init(_ script: SequenceScript, _ drawing: SequenceDrawing, ascii: Bool) {
        self.script = script
        self.drawing = drawing
        self.ascii = ascii
        // One array slot per cell: a wide character is followed by a filler.
        grid = drawing.lines.map { line in
            var row: [Character] = []
            for c in line {
                row.append(c)
                if DisplayWidth.of(c) == 2 { row.append(Checker.filler) }
            }
            return row
        }
    }

    func at(_ r: Int, _ c: Int) -> Character {
        guard r >= 0, r < grid.count, c >= 0, c < grid[r].count else { return " " }
        return grid[r][c]
    }

    var heads: Set<Character> { ascii ? [">", "<"] : ["▶", "◀", "▷", "◁"] }
    var lifeline: Character { ascii ? "|" : "│" }

    /// The text in a row between two columns (exclusive), fillers dropped.
    func segment(_ r: Int, from a: Int, to b: Int) -> String {
        guard r < grid.count, a < b else { return "" }
        return String(grid[r][max(0, min(a, grid[r].count))..<max(0, min(b, grid[r].count))].filter { $0 != Checker.filler })
    }

    /// Text as drawn (controls made visible, zero-width clusters gone) without its spaces.
    static func squeeze(_ s: String) -> String {
        let flat = String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return String(Sanitize.forDisplay(flat).filter { !$0.isWhitespace && DisplayWidth.of($0) > 0 })
    }

    /// Every text in the script is ASCII (then the ASCII form must be too).
    var asciiInput: Bool {
        var texts = script.participants.map(\.name)
        func walk(_ items: [SequenceScript.Item]) {
            for i in items {
                switch i {
                case .message(let m): texts += [m.text, m.note]
                case .frame(let f): for s in f.sections { texts += [s.keyword, s.condition]; walk(s.items) }
                }
            }
        }
        walk(script.items)
        return texts.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }
    }

    func problems(width: Int? = nil) -> [String] {
        var out: [String] = []
        let d = drawing
        for (i, line) in d.lines.enumerated() {
            if DisplayWidth.of(line) > d.width { out.append("line \(i) is wider than the reported width") }
            if Sanitize.needsSanitizing(line) { out.append("line \(i) holds a control character") }
            if ascii && asciiInput && !line.unicodeScalars.allSatisfy({ $0.isASCII }) {
                out.append("line \(i) is not ASCII")
            }
        }

        let messages = script.messages
        if d.messages.count != messages.count { out.append("\(d.messages.count) drawn of \(messages.count) messages"); return out }
        let x = d.lifelines
        // Every arrowhead in the body belongs to exactly one message.
        var headCount = 0
        for r in d.headerHeight..<d.legend.lowerBound { headCount += grid.indices.contains(r) ? grid[r].filter { heads.contains($0) }.count : 0 }
        if headCount != messages.count { out.append("\(headCount) arrowheads for \(messages.count) messages") }

        for (k, m) in messages.enumerated() {
            let rows = d.messages[k]
            let r = rows.arrow.lowerBound
            let xf = x[m.from], xt = x[m.to]
            if m.from == m.to {
                if !heads.contains(at(r + 1, xf + 1)) { out.append("step \(k + 1): self-call without a head") }
                if at(r, xf + 3) == " " || at(r + 1, xf + 3) == " " { out.append("step \(k + 1): self-call loop open") }
                if rows.arrow.count != 2 { out.append("step \(k + 1): self-call not two rows") }
            } else if m.to > m.from {
                let head = at(r, xt - 1)
                if head != (ascii ? ">" : (m.arrow == .async ? "▷" : "▶")) { out.append("step \(k + 1): no right head at the receiver (\(head))") }
                if (at(r, xf + 1) == " " && !(ascii && m.arrow == .async)) || heads.contains(at(r, xf + 1)) {
                    out.append("step \(k + 1): shaft does not leave the sender")
                }
            } else {
                let head = at(r, xt + 1)
                if head != (ascii ? "<" : (m.arrow == .async ? "◁" : "◀")) { out.append("step \(k + 1): no left head at the receiver (\(head))") }
                if at(r, xf - 1) == " " && !(ascii && m.arrow == .async) { out.append("step \(k + 1): shaft does not leave the sender") }
            }
            if m.from != m.to {
                for c in (min(xf, xt) + 2)..<(max(xf, xt) - 1) where !(ascii && m.arrow == .async) {
                    let ch = at(r, c)
                    if ch == " " || heads.contains(ch) { out.append("step \(k + 1): arrow broken at column \(c)"); break }
                }
            }
            if at(r, xf) != lifeline || at(r, xt) != lifeline { out.append("step \(k + 1): arrow row cuts a lifeline end") }
            // Labels and notes never cross a lifeline: every lifeline is intact on their rows.
            for row in Array(rows.label) + Array(rows.note) {
                for (i, col) in x.enumerated() where at(row, col) != lifeline {
                    out.append("step \(k + 1): text covers lifeline \(i) on row \(row)")
                }
            }
            // The label reads back (wrapping only adds line breaks).
            let (a, b): (Int, Int) = m.to >= m.from ? (xf + 1, m.from + 1 < x.count ? x[m.from + 1] : Int.max / 2)
                                                      : (x[m.from - 1] + 1, xf)
            // (Frame sides right of the last lifeline are not label text.)
            let label = rows.label.map { segment($0, from: a, to: b) }.joined().filter { $0 != "│" && $0 != "|" }
            let expected = "\(k + 1)." + m.text
            if Self.squeeze(label) != Self.squeeze(expected) { out.append("step \(k + 1): label reads \"\(label)\"") }
        }

        // Frames: closed, nested inside their parents, holding their messages.
        var frameIndex = 0, messageIndex = 0
        func walk(_ items: [SequenceScript.Item], parent: SequenceDrawing.FrameBox?, rows: Range<Int>) {
            for item in items {
                switch item {
                case .message:
                    let mr = d.messages[messageIndex].all
                    if mr.lowerBound < rows.lowerBound || mr.upperBound > rows.upperBound {
                        out.append("step \(messageIndex + 1) is outside its frame section")
                    }
                    messageIndex += 1
                case .frame(let f):
                    guard frameIndex < d.frames.count else { out.append("frame \(frameIndex) not drawn"); return }
                    let box = d.frames[frameIndex]
                    frameIndex += 1
                    out += checkBox(box, sections: max(1, f.sections.count))
                    if let p = parent, !(box.left > p.left && box.right < p.right && box.top > p.top && box.bottom < p.bottom) {
                        out.append("frame at row \(box.top) is not inside its parent")
                    }
                    if box.top < rows.lowerBound || box.bottom >= rows.upperBound { out.append("frame at row \(box.top) outside its section") }
                    let bounds = [box.top] + box.dividers + [box.bottom]
                    for (s, section) in f.sections.enumerated() where s + 1 < bounds.count {
                        walk(section.items, parent: box, rows: (bounds[s] + 1)..<bounds[s + 1])
                    }
                }
            }
        }
        walk(script.items, parent: nil, rows: d.headerHeight..<d.legend.lowerBound)
        if frameIndex != d.frames.count { out.append("\(d.frames.count) frames drawn for \(frameIndex)") }

        if let width, let compact = Optional(SequenceRenderer.render(script, SequenceOptions(ascii: ascii, labelWidth: SequenceOptions.narrowestLabelWidth, abbreviate: .all))),
           compact.width <= width, d.width > width {
            out.append("asked for \(width) columns, the narrowest form is \(compact.width), drawn \(d.width)")
        }
        return out
    }

    func checkBox(_ b: SequenceDrawing.FrameBox, sections: Int) -> [String] {
        var out: [String] = []
        let corners: [Character] = ascii ? ["+", "+", "+", "+"] : ["┌", "┐", "└", "┘"]
        if at(b.top, b.left) != corners[0] || at(b.top, b.right) != corners[1] { out.append("frame at row \(b.top): top corners missing") }
        if at(b.bottom, b.left) != corners[2] || at(b.bottom, b.right) != corners[3] { out.append("frame at row \(b.top): not closed") }
        if b.dividers.count != sections - 1 { out.append("frame at row \(b.top): \(b.dividers.count) dividers for \(sections) sections") }
        let side: Character = ascii ? "|" : "│"
        let dividerEnds: [Character] = ascii ? ["+", "+"] : ["├", "┤"]
        for r in (b.top + 1)..<b.bottom {
            if b.dividers.contains(r) {
                if at(r, b.left) != dividerEnds[0] || at(r, b.right) != dividerEnds[1] { out.append("divider at row \(r) open") }
            } else if at(r, b.left) != side || at(r, b.right) != side {
                out.append("frame at row \(b.top): side broken at row \(r)")
                break
            }
        }
        return out
    }
}
