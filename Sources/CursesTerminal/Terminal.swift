import CNcursesw
import Foundation
import TextUI
import Workspace

/// What the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// Text the terminal marked as pasted (bracketed paste).
    case paste(String)
    case mouse(MouseEvent)
    case resize(ScreenSize)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived.
    case signal(Int32)
}

/// How a role looks on this terminal: curses colour numbers (-1 = terminal default) and attributes.
public struct RoleColors: Equatable, Sendable {
    public var foreground: Int16
    public var background: Int16
    public var attributes: Attributes

    public init(foreground: Int16 = -1, background: Int16 = -1, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// How many colours to use.
public enum ColorDepth: String, Sendable {
    case none, eight, full256
}

/// The ncurses backend: the only code that talks to the terminal.
public final class Terminal {
    private var started = false
    private var pairs: [Role: (pair: Int16, attrs: attr_t)] = [:]
    public private(set) var depth: ColorDepth = .none
    private var mouseEnabled = false

    public init() {}

    /// Takes over the terminal. Signal handlers go in before `initscr` so ncurses leaves them be.
    public func start(mouse: Bool = true, noColor: Bool = false) {
        setlocale(LC_ALL, "")
        sd_install_signal_handlers()
        if let widths = EmojiWidthProbe.measure() { DisplayWidth.emoji = widths }
        initscr()
        raw()
        noecho()
        nonl()
        keypad(sd_stdscr(), true)
        set_escdelay(25)
        intrflush(sd_stdscr(), false)
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            depth = sd_colors() >= 256 ? .full256 : .eight
        }
        if mouse {
            mouseinterval(0)
            mousemask(sd_all_mouse_events(), nil)
            mouseEnabled = true
        }
        curs_set(0)
        bracketedPaste(true)
        started = true
    }

    /// Gives the terminal back as it was (modes, cursor, screen).
    public func stop() {
        guard started else { return }
        if mouseEnabled { mousemask(0, nil) }
        bracketedPaste(false)
        curs_set(1)
        endwin()
        started = false
    }

    deinit { stop() }

    public var size: ScreenSize { ScreenSize(columns: Int(sd_cols()), rows: Int(sd_lines())) }

    /// Sets the colours for each role. With no colours, only attributes are used.
    public func setColors(_ table: [Role: RoleColors]) {
        pairs = [:]
        var next: Int16 = 1
        var seen: [String: Int16] = [:]
        for role in Role.allCases {
            let c = table[role] ?? RoleColors()
            var attrs: attr_t = sd_a_normal()
            if c.attributes.contains(.bold) { attrs |= sd_a_bold() }
            if c.attributes.contains(.underline) { attrs |= sd_a_underline() }
            if c.attributes.contains(.reverse) { attrs |= sd_a_reverse() }
            if c.attributes.contains(.dim) { attrs |= sd_a_dim() }
            if c.attributes.contains(.italic) { attrs |= sd_a_italic() }
            var pair: Int16 = 0
            if depth != .none && (c.foreground >= 0 || c.background >= 0) && Int32(next) < sd_color_pairs() {
                let key = "\(c.foreground),\(c.background)"
                if let p = seen[key] {
                    pair = p
                } else {
                    init_pair(next, c.foreground, c.background)
                    seen[key] = next
                    pair = next
                    next += 1
                }
            }
            pairs[role] = (pair, attrs)
        }
    }

    /// Draws a whole frame and shows it with one `doupdate`. Every cell is written, so no
    /// clear is needed (ncurses sends only what changed).
    public func draw(_ grid: Grid) {
        let rows = min(grid.height, Int(sd_lines())), cols = min(grid.width, Int(sd_cols()))
        var buffer = [wchar_t](repeating: 0, count: 6)
        var overlays: [ClusterDrawing.Overlay] = []
        for y in 0..<rows {
            for x in 0..<cols {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                let base = pairs[cell.style.role] ?? (0, sd_a_normal())
                var attrs = base.attrs
                if cell.style.attributes.contains(.bold) { attrs |= sd_a_bold() }
                if cell.style.attributes.contains(.underline) { attrs |= sd_a_underline() }
                if cell.style.attributes.contains(.reverse) { attrs |= sd_a_reverse() }
                if cell.style.attributes.contains(.dim) { attrs |= sd_a_dim() }
                if cell.style.attributes.contains(.italic) { attrs |= sd_a_italic() }
                if cell.symbol.unicodeScalars.count > 1 {
                    // A cluster of several scalars: drawn whole (see ClusterDrawing).
                    var cells = 1
                    while x + cells < cols && grid[x + cells, y].isContinuation { cells += 1 }
                    if let o = ClusterDrawing.put(cell.symbol, y: y, x: x, cells: cells, attrs: attrs, pair: base.pair) {
                        overlays.append(o)
                    }
                    continue
                }
                var n = 0
                for scalar in cell.symbol.unicodeScalars where n < 5 {
                    buffer[n] = wchar_t(bitPattern: scalar.value)
                    n += 1
                }
                if n == 0 { buffer[0] = 32; n = 1 }
                buffer[n] = 0
                // A cluster ncurses cannot draw (rare emoji sequences) becomes a placeholder.
                // The bottom-right cell reports ERR (the cursor cannot advance) although it is drawn.
                let lastCell = y == rows - 1 && x == cols - 1
                if sd_put_cell(Int32(y), Int32(x), buffer, attrs, base.pair) == sd_err() && !lastCell {
                    buffer[0] = 0xFFFD
                    buffer[1] = 0
                    _ = sd_put_cell(Int32(y), Int32(x), buffer, attrs, base.pair)
                }
            }
        }
        if let c = grid.cursor, c.x >= 0, c.y >= 0, c.x < cols, c.y < rows {
            curs_set(1)
            move(Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(sd_stdscr())
        doupdate()
        ClusterDrawing.emit(overlays)
    }

    /// Asks the terminal to mark pasted text (xterm's mode 2004; terminals without it ignore this).
    private func bracketedPaste(_ on: Bool) {
        let seq = on ? "\u{1b}[?2004h" : "\u{1b}[?2004l"
        fflush(nil)
        _ = seq.withCString { write(1, $0, strlen($0)) }
    }

    /// Forces a full repaint on the next draw (Ctrl-L, after resuming).
    public func invalidate() {
        sd_force_repaint()
    }

    public func bell() { beep() }

    /// A visual bell: flashes the screen (or beeps where the terminal cannot flash).
    public func flashScreen() { flash() }

    /// Stops the process like Ctrl-Z; returns after `fg`.
    public func suspend() {
        sd_suspend()
        // Back from `fg`: ncurses restored the terminal modes; repaint everything.
        invalidate()
    }

    /// Waits up to `timeout` milliseconds for input; nil on timeout.
    public func nextEvent(timeout: Int32) -> TerminalEvent? {
        let sig = sd_take_signal()
        if sig != 0 { return .signal(sig) }
        wtimeout(sd_stdscr(), timeout)
        var ch: wint_t = 0
        let r = wget_wch(sd_stdscr(), &ch)
        let late = sd_take_signal()
        if late != 0 { return .signal(late) }
        if r == sd_err() { return nil }
        if r == sd_key_code_yes() {
            let code = Int32(ch)
            if code == sd_key_resize() { return .resize(size) }
            if code == sd_key_mouse() { return mouseEvent() }
            return KeyDecoder.function(code).map(TerminalEvent.key)
        }
        if ch == 27 { return afterEscape() }
        return KeyDecoder.character(UInt32(ch)).map(TerminalEvent.key)
    }

    /// Reads one character without waiting; nil when none is queued.
    private func readNow() -> UInt32? {
        wtimeout(sd_stdscr(), 0)
        var ch: wint_t = 0
        let r = wget_wch(sd_stdscr(), &ch)
        if r == sd_key_code_yes() {
            ungetch(Int32(ch))
            return nil
        }
        return r == OK ? UInt32(ch) : nil
    }

    /// Esc alone, Alt+key (Esc then a key at once), or a bracketed paste (Esc [200~ … Esc [201~).
    private func afterEscape() -> TerminalEvent {
        guard let next = readNow() else { return .key(.escape) }
        if next == 0x5B {  // "["
            var seq: [UInt32] = []
            while seq.count < 4, let c = readNow() {
                seq.append(c)
                if !(0x30...0x39).contains(c) { break }
            }
            if seq == Array("200~".unicodeScalars.map(\.value)) { return .paste(readPaste()) }
            for c in seq.reversed() { unget_wch(wchar_t(bitPattern: c)) }
            return .key(.alt("["))
        }
        guard let key = KeyDecoder.character(next) else { return .key(.escape) }
        switch key {
        case .char(let c): return .key(.alt(c))
        case .backspace: return .key(.alt("\u{7f}"))
        case .escape: return .key(.escape)
        default: return .key(key)
        }
    }

    /// Everything up to the closing Esc [201~ of a bracketed paste.
    private func readPaste() -> String {
        var scalars: [UInt32] = []
        let end = Array("\u{1b}[201~".unicodeScalars.map(\.value))
        wtimeout(sd_stdscr(), 100)
        while scalars.count < 10_000_000 {
            var ch: wint_t = 0
            let r = wget_wch(sd_stdscr(), &ch)
            if r == sd_err() { break }  // the terminal stopped sending: keep what arrived
            if r == sd_key_code_yes() {
                if Int32(ch) == KEY_ENTER { scalars.append(10) }
                continue
            }
            scalars.append(UInt32(ch))
            if scalars.count >= end.count && Array(scalars.suffix(end.count)) == end {
                scalars.removeLast(end.count)
                break
            }
        }
        var text = ""
        for v in scalars {
            if let u = UnicodeScalar(v == 13 ? 10 : v) { text.unicodeScalars.append(u) }
        }
        return text
    }

    private func mouseEvent() -> TerminalEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let kind: MouseEvent.Kind
        if ev.bstate & sd_button4_pressed() != 0 {
            kind = .wheelUp
        } else if ev.bstate & sd_button5_pressed() != 0 {
            kind = .wheelDown
        } else if ev.bstate & (sd_button1_pressed() | sd_button1_clicked()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind, x: Int(ev.x), y: Int(ev.y)))
    }
}
