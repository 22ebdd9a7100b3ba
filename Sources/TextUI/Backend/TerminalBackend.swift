import Workspace

/// What the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// Text pasted: marked by the terminal (bracketed paste), or recognised as a paste because
    /// many characters arrived at once (see `InputDecoder`).
    case paste(String)
    case mouse(MouseEvent)
    case resize(ScreenSize)
    /// A stop signal arrived: SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGTSTP (from outside:
    /// Ctrl-Z in the workspace is a key).
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

/// A terminal the workspace runs in, as small as ratatui's `Backend`: the run loop draws whole
/// grids into it and takes events out of it, and nothing else touches the terminal. The ncurses
/// terminal is one implementation; `TestBackend` (an in-memory screen and a scripted queue of
/// events on a fake clock) is another, so the whole loop runs in tests.
public protocol TerminalBackend: AnyObject {
    /// Takes over the terminal: alternate screen, raw keys, mouse reports (when `mouse`),
    /// bracketed paste, colours (unless `noColor`).
    func start(mouse: Bool, noColor: Bool)
    /// Gives the terminal back as it was. Safe to call twice.
    func stop()
    var size: ScreenSize { get }
    var depth: ColorDepth { get }
    func setColors(_ table: [Role: RoleColors])
    /// Shows a whole frame (only the cells that changed need to go out).
    func draw(_ grid: Grid)
    /// The next event, waiting at most `timeout`; nil when nothing came.
    func nextEvent(timeout: Duration) -> TerminalEvent?
    func bell()
    /// A visual bell.
    func flash()
    /// Stops the process as Ctrl-Z does, the terminal given back meanwhile; returns on `fg`.
    func suspend()
    /// The next draw repaints everything (Ctrl-L, after resuming).
    func invalidate()
}
