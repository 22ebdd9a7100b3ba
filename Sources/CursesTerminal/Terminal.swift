import CNcursesw
import CSignals
import Foundation
import TextUI
import Workspace

/// The ncurses backend: the only code that talks to the terminal.
///
/// Output goes through ncurses (it sends only what changed). Input does not: the bytes are read
/// from the terminal directly and decoded by `InputDecoder`, because only the raw reads show
/// what arrived together — a paste without bracketed-paste markers, an Alt key, an Esc that is
/// just Esc (see `InputDecoder` for the rules). Signals are caught by CSignals' handlers, which
/// only set a flag and wake the poll here; the crash handler there gets the bytes that give the
/// terminal back.
public final class Terminal: TerminalBackend {
    private var started = false
    private var pairs: [Role: (pair: Int16, attrs: attr_t)] = [:]
    public private(set) var depth: ColorDepth = .none
    private var mouseEnabled = false
    private var decoder = InputDecoder()
    private var queue: [TerminalEvent] = []
    /// When the last burst that was a big paste arrived: a burst right after it is more of it
    /// (a pty hands over a long paste in pieces of a few KB; a short paste comes whole).
    private var lastBigPaste: ContinuousClock.Instant?
    private static let bigPaste = 1024
    private var savedModes = termios()
    private var haveSavedModes = false
    private let input: Int32 = 0
    private let output: Int32 = 1

    public init() {}

    /// Takes over the terminal. Signal handlers go in before `initscr`, so ncurses leaves
    /// SIGINT, SIGTERM, SIGTSTP and SIGWINCH to us.
    public func start(mouse: Bool = true, noColor: Bool = false) {
        setlocale(LC_ALL, "")
        haveSavedModes = tcgetattr(input, &savedModes) == 0
        sd_signals_install()
        if let widths = EmojiWidthProbe.measure() { DisplayWidth.emoji = widths }
        initscr()
        raw()
        noecho()
        nonl()
        intrflush(sd_stdscr(), false)
        // No keypad(): keys are decoded from the bytes (see InputDecoder).
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            depth = sd_colors() >= 256 ? .full256 : .eight
        }
        mouseEnabled = mouse
        curs_set(0)
        sendModes(on: true)
        restoreOnCrash()
        started = true
    }

    /// Gives the terminal back as it was (modes, cursor, screen).
    public func stop() {
        guard started else { return }
        sendModes(on: false)
        curs_set(1)
        endwin()
        sd_crash_clear_terminal()
        started = false
    }

    deinit { stop() }

    public var size: ScreenSize { ScreenSize(columns: Int(sd_cols()), rows: Int(sd_lines())) }

    /// Mouse reports (SGR, so any column works) and bracketed paste, on or off. Written straight
    /// to the terminal, after whatever ncurses has buffered.
    private func sendModes(on: Bool) {
        var seq = ""
        if mouseEnabled { seq += on ? "\u{1b}[?1000h\u{1b}[?1006h" : "\u{1b}[?1006l\u{1b}[?1000l" }
        seq += on ? "\u{1b}[?2004h" : "\u{1b}[?2004l"
        fflush(nil)
        writeAll(seq)
    }

    private func writeAll(_ s: String) {
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(output, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    /// What the crash handler writes to give the terminal back: mouse and bracketed paste off,
    /// attributes reset, cursor shown, the alternate screen left — this terminal's own sequences
    /// from terminfo, worked out now because the handler may not look anything up.
    private func restoreOnCrash() {
        var seq = ""
        if mouseEnabled { seq += "\u{1b}[?1006l\u{1b}[?1000l" }
        seq += "\u{1b}[?2004l"
        for cap in ["sgr0", "cnorm", "rmcup"] { seq += String(cString: sd_capability(cap)) }
        if String(cString: sd_capability("cnorm")).isEmpty { seq += "\u{1b}[?25h" }
        seq += "\r\n"
        let bytes = Array(seq.utf8)
        bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                if haveSavedModes {
                    withUnsafePointer(to: &savedModes) { sd_crash_set_terminal(chars.baseAddress, chars.count, output, $0) }
                } else {
                    sd_crash_set_terminal(chars.baseAddress, chars.count, output, nil)
                }
            }
        }
    }

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

    /// Forces a full repaint on the next draw (Ctrl-L, after resuming).
    public func invalidate() {
        sd_force_repaint()
    }

    public func bell() { beep() }

    /// A visual bell: flashes the screen (or beeps where the terminal cannot flash).
    public func flash() { CNcursesw.flash() }

    /// Stops the process like Ctrl-Z; returns after `fg`. Our SIGTSTP handler only sets a flag,
    /// so the stop itself is SIGSTOP, with the terminal given back meanwhile.
    public func suspend() {
        guard started else { return }
        sendModes(on: false)
        curs_set(1)
        endwin()
        sd_crash_clear_terminal()
        raise(SIGSTOP)
        // Back from `fg`: the next refresh puts the program's modes back; repaint everything.
        haveSavedModes = tcgetattr(input, &savedModes) == 0
        refresh()
        sendModes(on: true)
        restoreOnCrash()
        if sd_signals_take_resize() != 0 { updateSize() }
        invalidate()
    }

    // MARK: input

    /// Waits up to `timeout` for input; nil on timeout.
    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if !queue.isEmpty { return queue.removeFirst() }
            let sig = sd_signals_take()
            if sig != 0 { return .signal(sig) }
            if sd_signals_take_resize() != 0 {
                updateSize()
                return .resize(size)
            }
            var wait = deadline - clock.now
            if let more = decoder.waitForMore { wait = min(max(wait, .zero), more) }
            guard wait > .zero || decoder.waitForMore != nil else { return nil }
            switch poll(wait) {
            case .signal:
                sd_signals_drain_wake()
            case .input:
                guard let burst = readBurst() else { return .signal(SIGHUP) }  // the terminal is gone
                let continues = lastBigPaste.map { clock.now - $0 < .milliseconds(30) } ?? false
                let events = decoder.feed(burst, continuesPaste: continues)
                let pasted = events.contains { if case .paste = $0 { true } else { false } }
                lastBigPaste = pasted && burst.count >= Self.bigPaste ? clock.now : nil
                queue += events
            case .timeout:
                if decoder.isWaiting {
                    queue += decoder.flush()
                } else {
                    return nil
                }
            }
        }
    }

    private enum Ready { case input, signal, timeout }

    private func poll(_ wait: Duration) -> Ready {
        let c = wait.components
        let ms = Int32(clamping: max(0, c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000))
        var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: sd_signals_wake_fd(), events: Int16(POLLIN), revents: 0)]
        let n = Glibc.poll(&fds, fds[1].fd >= 0 ? 2 : 1, ms)
        if n < 0 { return .signal }  // EINTR: a signal; the flags say which
        if n == 0 { return .timeout }
        if fds[1].revents != 0 { return .signal }
        return .input
    }

    /// Everything the terminal has sent so far, read without waiting (nil: end of input).
    private func readBurst() -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        repeat {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { break }
                return out.isEmpty ? nil : out
            }
            if n == 0 { return out.isEmpty ? nil : out }
            out.append(contentsOf: chunk[0..<n])
        } while out.count < 1 << 20 && inputWaiting()
        return out
    }

    private func inputWaiting() -> Bool {
        var fd = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&fd, 1, 0) > 0
    }

    /// The window changed size: ask the terminal, tell ncurses, and repaint everything on the
    /// next frame. What the terminal shows after a resize (cropped, reflowed) is not what ncurses
    /// last drew, so updating only the changed cells would leave a scrambled screen.
    private func updateSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        if sd_window_size(output, &rows, &cols) == 0 || sd_window_size(input, &rows, &cols) == 0 {
            resizeterm(rows, cols)
            sd_force_repaint()
        }
    }
}
