import Workspace

/// Turns the bytes a terminal sends into keys, pastes and mouse events. Pure: the backend reads
/// a *burst* — every byte available at once, read without waiting — and feeds it here.
///
/// The rules (issue 10, item 10):
/// - **A paste is text that arrives at once.** Text characters (printable ones, Tab, line
///   breaks) that arrive in one burst are a paste when there are many of them
///   (`pasteThreshold`, 8) or when they hold a line break with more text after it (several
///   lines). A terminal delivers a paste in one write; keys typed by hand come one by one. A
///   paste goes into the focused text field as text and never runs commands: its line breaks
///   are not Enter. Fewer characters, or one line ending in a line break, are keys — a few keys
///   typed while the program was busy, or bunched by a slow network link, stay keys (the
///   threshold is well above what bunching produces). A terminal's own paste markers
///   (bracketed paste, `Esc [200~ … Esc [201~`) always make a paste. A burst that follows a
///   paste within a few milliseconds (`continuesPaste`, decided by the reader) is more of the
///   same paste, since long pastes come in pieces.
/// - **Esc is Esc unless the terminal sent a complete sequence.** Esc followed *in the same
///   burst* by the rest of a known sequence (`Esc [ A`) is that key; Esc followed in the same
///   burst by one character is Alt+character (a terminal sends Alt+f as one write). An Esc that
///   ends a burst waits a moment (`escapeDelay`) for the rest of a sequence split in transit
///   (a slow link); if what comes next completes a sequence it is that key, otherwise the Esc
///   is Esc and what follows is decoded on its own — so Esc then `f` typed quickly is Esc and
///   `f`, never Alt+f. (Left ambiguous: Esc and a key typed while the program was too busy to
///   read between them arrive in one burst and read as Alt+key.)
/// - Unknown escape sequences are dropped whole: their bytes never become typed text.
public struct InputDecoder: Sendable {
    /// Text characters in one burst from which it is a paste (fewer: a paste only when it
    /// holds several lines).
    public static let pasteThreshold = 8
    /// How long an Esc at the end of a burst waits for the rest of a sequence.
    public static let escapeDelay = Duration.milliseconds(25)

    /// Bytes of an unfinished UTF-8 character or escape sequence from the end of the last burst.
    private var carry: [UInt8] = []
    /// Inside a bracketed paste: the text so far (it may span many bursts).
    private var bracketed: [UInt8]?
    /// Bracketed pastes are cut at this size (the rest is dropped, not typed).
    public static let maximumPaste = 16 << 20

    public init() {}

    /// Something is unfinished: the reader should wait `waitForMore` for more, then `flush()`.
    public var isWaiting: Bool { !carry.isEmpty || bracketed != nil }

    /// How long to wait for the rest: `escapeDelay` for a sequence, longer inside a bracketed
    /// paste (a big one comes in pieces); nil when nothing is unfinished.
    public var waitForMore: Duration? {
        if bracketed != nil { return .milliseconds(100) }
        return carry.isEmpty ? nil : Self.escapeDelay
    }

    /// Decodes one burst. `continuesPaste`: the burst came right after a paste (the reader's
    /// call), so its text is more of it.
    public mutating func feed(_ burst: [UInt8], continuesPaste: Bool = false) -> [TerminalEvent] {
        if carry == [0x1B], bracketed == nil, let first = burst.first, first != 0x5B, first != 0x4F {
            // Esc alone at the end of the last burst, and now something that does not continue
            // a sequence: the Esc was Esc, not Alt.
            carry = []
            return [.key(.escape)] + feed(burst, continuesPaste: continuesPaste)
        }
        var bytes = carry
        bytes.append(contentsOf: burst)
        carry = []
        var out: [TerminalEvent] = []
        var text: [Unicode.Scalar] = []
        var i = 0

        func flushText() {
            guard !text.isEmpty else { return }
            if text.count >= Self.pasteThreshold || continuesPaste || Self.isMultiLine(text) {
                out.append(.paste(Self.pasteText(text)))
            } else {
                for u in text { out.append(.key(Self.textKey(u))) }
            }
            text = []
        }

        while i < bytes.count {
            if bracketed != nil {
                i = consumeBracketed(bytes, from: i, into: &out)
                continue
            }
            let b = bytes[i]
            if b == 0x1B {
                flushText()
                switch escape(bytes, at: i) {
                case .incomplete:
                    carry = Array(bytes[i...])
                    return out
                case .event(let e, let next):
                    if let e { out.append(e) }
                    i = next
                case .pasteStart(let next):
                    bracketed = []
                    i = next
                }
                continue
            }
            if b < 0x20 || b == 0x7F {
                if b == 0x09 || b == 0x0A || b == 0x0D {
                    text.append(Unicode.Scalar(b))
                } else {
                    flushText()
                    if let k = Self.controlKey(b) { out.append(.key(k)) }
                }
                i += 1
                continue
            }
            // UTF-8.
            switch Self.utf8(bytes, at: i) {
            case .incomplete:
                flushText()
                carry = Array(bytes[i...])
                return out
            case .scalar(let u, let length):
                text.append(u)
                i += length
            }
        }
        flushText()
        return out
    }

    /// The wait for more bytes is over: an unfinished sequence becomes what it can (a lone Esc
    /// is Esc), an unfinished bracketed paste is delivered as far as it came.
    public mutating func flush() -> [TerminalEvent] {
        var out: [TerminalEvent] = []
        if let pasted = bracketed {
            bracketed = nil
            out.append(.paste(Self.pasteText(Self.scalars(pasted))))
        }
        guard !carry.isEmpty else { return out }
        let pending = carry
        carry = []
        if pending[0] == 0x1B {
            // A lone Esc is Esc. Esc and one more byte that never became a sequence (Esc then
            // `[` typed): both keys. Anything longer is a sequence cut short: noise, dropped.
            out.append(.key(.escape))
            if pending.count == 2, let k = Self.controlKey(pending[1]) ?? (pending[1] < 0x80 ? .char(Character(Unicode.Scalar(pending[1]))) : nil) {
                out.append(.key(k))
            }
            return out
        }
        out.append(.key(.char("\u{FFFD}")))  // a UTF-8 character cut short
        return out
    }

    // MARK: escape sequences

    enum Escape {
        case incomplete
        /// The event (nil: a sequence that means nothing here) and where decoding goes on.
        case event(TerminalEvent?, next: Int)
        case pasteStart(next: Int)
    }

    func escape(_ bytes: [UInt8], at start: Int) -> Escape {
        let n = bytes.count
        guard start + 1 < n else { return .incomplete }
        let second = bytes[start + 1]
        switch second {
        case 0x5B:  // "[": CSI
            return csi(bytes, at: start)
        case 0x4F:  // "O": SS3, one more byte
            guard start + 2 < n else { return .incomplete }
            let key: Key? = switch bytes[start + 2] {
            case 0x41: .up
            case 0x42: .down
            case 0x43: .right
            case 0x44: .left
            case 0x48: .home
            case 0x46: .end
            case 0x4D: .enter
            case 0x50: .function(1)
            case 0x51: .function(2)
            case 0x52: .function(3)
            case 0x53: .function(4)
            default: nil
            }
            return .event(key.map(TerminalEvent.key), next: start + 3)
        case 0x1B:
            // Esc Esc: the first is Esc; the second starts over.
            return .event(.key(.escape), next: start + 1)
        default:
            // Alt+key: Esc and one character sent together.
            if second < 0x20 || second == 0x7F {
                if second == 0x7F || second == 0x08 { return .event(.key(.alt("\u{7f}")), next: start + 2) }
                return .event(Self.controlKey(second).map(TerminalEvent.key), next: start + 2)
            }
            switch Self.utf8(bytes, at: start + 1) {
            case .incomplete: return .incomplete
            case .scalar(let u, let length):
                return .event(.key(.alt(Character(u))), next: start + 1 + length)
            }
        }
    }

    /// `Esc [` parameters (0x30–0x3F) intermediates (0x20–0x2F) final (0x40–0x7E).
    func csi(_ bytes: [UInt8], at start: Int) -> Escape {
        let n = bytes.count
        var j = start + 2
        // X10 mouse: Esc [ M and three raw bytes.
        if j < n && bytes[j] == 0x4D {
            guard n - j >= 4 else { return .incomplete }
            let b = Int(bytes[j + 1]) - 32, x = Int(bytes[j + 2]) - 33, y = Int(bytes[j + 3]) - 33
            return .event(Self.mouse(button: b, x: x, y: y, press: true), next: j + 4)
        }
        let paramStart = j
        while j < n && (0x30...0x3F).contains(bytes[j]) { j += 1 }
        let paramEnd = j
        while j < n && (0x20...0x2F).contains(bytes[j]) { j += 1 }
        guard j < n else {
            // Unfinished, unless it has grown absurdly long: then it is noise, dropped.
            return j - start > 64 ? .event(nil, next: n) : .incomplete
        }
        let final = bytes[j]
        guard (0x40...0x7E).contains(final) else {
            // Not a sequence after all: drop the Esc [ and decode the rest as it comes.
            return .event(nil, next: paramStart)
        }
        let params = String(decoding: bytes[paramStart..<paramEnd], as: UTF8.self)
        let next = j + 1
        if params.hasPrefix("<") && (final == 0x4D || final == 0x6D) {
            let parts = params.dropFirst().split(separator: ";").map { Int($0) ?? -1 }
            guard parts.count == 3 else { return .event(nil, next: next) }
            return .event(Self.mouse(button: parts[0], x: parts[1] - 1, y: parts[2] - 1, press: final == 0x4D), next: next)
        }
        if final == 0x7E && params == "200" { return .pasteStart(next: next) }
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let modifier = numbers.count > 1 ? (numbers[1] ?? 1) : 1
        let key: Key?
        switch final {
        case 0x41: key = .up
        case 0x42: key = .down
        case 0x43: key = modifier == 5 || modifier == 3 ? .ctrlRight : .right
        case 0x44: key = modifier == 5 || modifier == 3 ? .ctrlLeft : .left
        case 0x48: key = .home
        case 0x46: key = .end
        case 0x5A: key = .backTab
        case 0x7E:
            switch numbers.first ?? nil {
            case 1, 7: key = .home
            case 4, 8: key = .end
            case 2: key = .insert
            case 3: key = .delete
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 11: key = .function(1)
            case 12: key = .function(2)
            case 13: key = .function(3)
            case 14: key = .function(4)
            case 15: key = .function(5)
            case 17: key = .function(6)
            case 18: key = .function(7)
            case 19: key = .function(8)
            case 20: key = .function(9)
            case 21: key = .function(10)
            case 23: key = .function(11)
            case 24: key = .function(12)
            default: key = nil
            }
        default: key = nil
        }
        return .event(key.map(TerminalEvent.key), next: next)
    }

    static func mouse(button: Int, x: Int, y: Int, press: Bool) -> TerminalEvent? {
        guard button >= 0, x >= 0, y >= 0, press else { return nil }
        if button & 64 != 0 { return .mouse(MouseEvent(button & 1 == 0 ? .wheelUp : .wheelDown, x: x, y: y)) }
        // A left press without motion; other buttons, drags and releases mean nothing here.
        guard button & 3 == 0, button & 32 == 0 else { return nil }
        return .mouse(MouseEvent(.press, x: x, y: y))
    }

    /// Text up to `Esc [201~`; returns where decoding goes on.
    mutating func consumeBracketed(_ bytes: [UInt8], from start: Int, into out: inout [TerminalEvent]) -> Int {
        let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x1B {
                let available = bytes.count - i
                if available < end.count {
                    if Array(bytes[i...]) == Array(end.prefix(available)) {
                        // Perhaps the end marker, cut by the burst: keep it for the next one.
                        carry = Array(bytes[i...])
                        return bytes.count
                    }
                } else if Array(bytes[i..<(i + end.count)]) == end {
                    let pasted = bracketed ?? []
                    bracketed = nil
                    out.append(.paste(Self.pasteText(Self.scalars(pasted))))
                    return i + end.count
                }
            }
            if (bracketed?.count ?? 0) < Self.maximumPaste { bracketed?.append(bytes[i]) }
            i += 1
        }
        return i
    }

    // MARK: characters

    enum UTF8Result {
        case incomplete
        case scalar(Unicode.Scalar, length: Int)
    }

    /// One UTF-8 character at `i` (an invalid byte is U+FFFD, one byte long).
    static func utf8(_ bytes: [UInt8], at i: Int) -> UTF8Result {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0x00...0x7F: return .scalar(Unicode.Scalar(b), length: 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .scalar("\u{FFFD}", length: 1)
        }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            guard i + k < bytes.count else { return .incomplete }
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return .scalar("\u{FFFD}", length: k) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard let u = Unicode.Scalar(value), value >= [0, 0, 0x80, 0x800, 0x10000][length] else {
            return .scalar("\u{FFFD}", length: length)
        }
        return .scalar(u, length: length)
    }

    static func scalars(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// A paste as text: line breaks as `\n` (CRLF and CR included).
    static func pasteText(_ scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in scalars {
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = u == "\r"
            out.append(u == "\r" ? "\n" : u)
        }
        return String(out)
    }

    /// A line break with more text after it.
    static func isMultiLine(_ text: [Unicode.Scalar]) -> Bool {
        guard let first = text.firstIndex(where: { $0 == "\r" || $0 == "\n" }) else { return false }
        return text[(first + 1)...].contains { $0 != "\r" && $0 != "\n" }
    }

    static func textKey(_ u: Unicode.Scalar) -> Key {
        switch u {
        case "\t": .tab
        case "\r", "\n": .enter
        default: .char(Character(u))
        }
    }

    /// A control byte as a key: Ctrl+letter, Backspace, Enter, Tab.
    static func controlKey(_ b: UInt8) -> Key? {
        switch b {
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x08, 0x7F: .backspace
        case 0x00: .ctrl(" ")
        case 0x01...0x1A: .ctrl(Character(Unicode.Scalar(b + 0x60)))
        default: nil
        }
    }
}
