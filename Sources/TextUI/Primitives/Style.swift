// Styles are semantic: a cell says *what* it is (a border, the selection, an error), and the
// theme decides how that looks on the terminal at hand. Views never pick colours.

/// The semantic colour roles. A theme maps each role to colours and attributes.
/// In theme files a role is written in snake_case (`border_focused`, `timer_warn`).
public enum Role: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// ordinary text on the normal background
    case normal
    /// secondary text: hints, counts, ids, disabled items
    case dim
    /// the header bar at the top of the screen
    case header
    /// pane and dialog titles
    case title
    /// pane borders
    case border
    /// the border of the focused pane
    case borderFocused
    /// the selected row in the focused pane
    case selection
    /// the selected row in a pane without focus
    case selectionInactive
    /// the text cursor in fields, when drawn as a cell
    case cursor
    /// emphasis inside text (e.g. the matched part of a command name)
    case accent
    /// key names in hints and help (`a` add, `?` help)
    case key
    /// kinds, priorities, protocols shown as tags
    case tag
    /// the status bar at the bottom
    case statusBar
    /// informational status messages
    case message
    /// warnings (unsaved changes, read-only)
    case warning
    /// errors
    case error
    /// confirmations (saved), checked checklist items
    case success
    /// interview timer while on schedule
    case timerOk
    /// interview timer close to the stage limit
    case timerWarn
    /// interview timer past the limit
    case timerOver
    /// component boxes in diagrams
    case diagramBox
    /// arrows/edges in diagrams
    case diagramEdge
    /// edge labels in diagrams
    case diagramLabel
    /// search matches
    case highlight
    /// text fields being edited
    case input
    /// placeholder text in empty fields
    case placeholder
    /// dialog and palette backgrounds
    case dialog

    /// The name used in theme files: snake_case of the case name.
    public var key: String { Role.keys[Int(rawValue)] }
    public var description: String { key }

    /// Parse a theme-file key (snake_case; camelCase and kebab-case are accepted too).
    public init?(key: String) {
        let k = String(key.map { $0 == "-" ? "_" : $0 })
        if let i = Role.keys.firstIndex(of: k) { self = Role.allCases[i]; return }
        let snake = Role.snakeCase(key)
        if let i = Role.keys.firstIndex(of: snake) { self = Role.allCases[i]; return }
        return nil
    }

    static func snakeCase(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isUppercase { out.append("_"); out.append(contentsOf: ch.lowercased()) } else { out.append(ch) }
        }
        return out
    }

    /// Theme-file keys, in case order (spelled out: deriving them from `description`
    /// would recurse).
    static let keys: [String] = [
        "normal", "dim", "header", "title", "border", "border_focused", "selection", "selection_inactive", "cursor", "accent", "key", "tag", "status_bar", "message", "warning", "error", "success", "timer_ok", "timer_warn", "timer_over", "diagram_box", "diagram_edge", "diagram_label", "highlight", "input", "placeholder", "dialog",
    ]
}

/// Text attributes. A cell's attributes are added to those its role has in the theme.
public struct Attributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold      = Attributes(rawValue: 1 << 0)
    public static let underline = Attributes(rawValue: 1 << 1)
    public static let reverse   = Attributes(rawValue: 1 << 2)
    public static let dim       = Attributes(rawValue: 1 << 3)
    public static let italic    = Attributes(rawValue: 1 << 4)

    /// Names as written in theme files, in a fixed order.
    public static let named: [(String, Attributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim), ("italic", .italic),
    ]

    public var names: [String] { Attributes.named.filter { contains($0.1) }.map(\.0) }
    public var description: String { names.joined(separator: "+") }
}

/// What a cell looks like, semantically: a role plus extra attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var role: Role
    public var attributes: Attributes

    public init(_ role: Role = .normal, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// This style with `attrs` added.
    public func with(_ attrs: Attributes) -> Style { Style(role, attributes.union(attrs)) }
    public var bold: Style { with(.bold) }
    public var underline: Style { with(.underline) }
    public var reverse: Style { with(.reverse) }
    public var italic: Style { with(.italic) }

    /// `role` or `role+bold+underline`.
    public var description: String {
        attributes.isEmpty ? role.key : role.key + "+" + attributes.description
    }

    public static let normal = Style(.normal)
    public static let dim = Style(.dim)
    public static let header = Style(.header)
    public static let title = Style(.title)
    public static let border = Style(.border)
    public static let borderFocused = Style(.borderFocused)
    public static let selection = Style(.selection)
    public static let selectionInactive = Style(.selectionInactive)
    public static let cursor = Style(.cursor)
    public static let accent = Style(.accent)
    public static let key = Style(.key)
    public static let tag = Style(.tag)
    public static let statusBar = Style(.statusBar)
    public static let message = Style(.message)
    public static let warning = Style(.warning)
    public static let error = Style(.error)
    public static let success = Style(.success)
    public static let timerOk = Style(.timerOk)
    public static let timerWarn = Style(.timerWarn)
    public static let timerOver = Style(.timerOver)
    public static let diagramBox = Style(.diagramBox)
    public static let diagramEdge = Style(.diagramEdge)
    public static let diagramLabel = Style(.diagramLabel)
    public static let highlight = Style(.highlight)
    public static let input = Style(.input)
    public static let placeholder = Style(.placeholder)
    public static let dialog = Style(.dialog)
}
