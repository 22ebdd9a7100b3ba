// Themes: how each semantic role looks, and how that degrades with fewer colours.

/// How one role looks: colours for 256-colour terminals, basic colours for 8-colour
/// terminals, and attributes (used everywhere, including without colour).
public struct RoleStyle: Hashable, Sendable, CustomStringConvertible {
    public var fg: ThemeColor
    public var bg: ThemeColor
    /// Used on 8-colour terminals; always the default or a basic colour (0–7).
    public var fg8: ThemeColor
    public var bg8: ThemeColor
    public var attributes: Attributes

    /// `fg8`/`bg8` default to the nearest basic colours of `fg`/`bg`.
    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault,
                fg8: ThemeColor? = nil, bg8: ThemeColor? = nil, attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.fg8 = (fg8 ?? fg).basic
        self.bg8 = (bg8 ?? bg).basic
        self.attributes = attributes
    }

    public var description: String {
        "fg \(fg) bg \(bg) (8: \(fg8)/\(bg8))" + (attributes.isEmpty ? "" : " " + attributes.description)
    }
}

/// What the backend sends to the terminal for a cell: concrete colours and attributes.
public struct TerminalStyle: Hashable, Sendable, CustomStringConvertible {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attributes: Attributes

    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public var colorPair: ColorPair { ColorPair(fg: fg, bg: bg) }
    public var description: String { "\(fg)/\(bg)" + (attributes.isEmpty ? "" : " " + attributes.description) }
}

/// A foreground/background combination (one ncurses colour pair).
public struct ColorPair: Hashable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public init(fg: ThemeColor, bg: ThemeColor) { self.fg = fg; self.bg = bg }
    public static let terminalDefault = ColorPair(fg: .terminalDefault, bg: .terminalDefault)
}

public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    /// Whether the theme is meant for a dark or a light background (from the file's
    /// `variant`; informational, e.g. for choosing a default).
    public var variant: Variant
    /// One entry per role, indexed by `Role.rawValue`.
    public private(set) var styles: [RoleStyle]

    public enum Variant: String, Hashable, Sendable { case dark, light }

    /// Roles missing from `roles` look like `.normal` (or like the default when `.normal`
    /// is missing too).
    public init(name: String, description: String = "", variant: Variant = .dark, roles: [Role: RoleStyle]) {
        self.name = name
        self.description = description
        self.variant = variant
        let normal = roles[.normal] ?? RoleStyle()
        self.styles = Role.allCases.map { roles[$0] ?? normal }
    }

    public subscript(role: Role) -> RoleStyle {
        get { styles[Int(role.rawValue)] }
        set { styles[Int(role.rawValue)] = newValue }
    }

    /// The look for a terminal with `capability`:
    /// - `.colors256`: the theme's colours.
    /// - `.colors8`: the `fg8`/`bg8` colours. A role whose colours became the same as
    ///   `normal`'s gets the attributes that keep it distinguishable (see
    ///   `Role.attributesWithoutColor`), and a foreground equal to its background is replaced
    ///   by a contrasting one.
    /// - `.none` (no colours, or `NO_COLOR`): terminal default colours everywhere; every role
    ///   gets at least `Role.attributesWithoutColor` (the selection and cursor in reverse
    ///   video, titles bold, …) on top of the theme's own attributes.
    public func resolved(for capability: ColorCapability) -> ResolvedTheme {
        let normal = self[.normal]
        let out: [TerminalStyle] = Role.allCases.map { role in
            let s = self[role]
            switch capability {
            case .colors256:
                return TerminalStyle(fg: s.fg, bg: s.bg, attributes: s.attributes)
            case .colors8:
                var fg = s.fg8, bg = s.bg8
                var attrs = s.attributes
                if fg == bg && fg != .terminalDefault { fg = ThemeColor.contrast(to: bg) }
                if role != .normal && fg == normal.fg8 && bg == normal.bg8 {
                    attrs.formUnion(role.attributesWithoutColor)
                }
                return TerminalStyle(fg: fg, bg: bg, attributes: attrs)
            case .none:
                return TerminalStyle(attributes: s.attributes.union(role.attributesWithoutColor))
            }
        }
        return ResolvedTheme(name: name, capability: capability, styles: out)
    }
}

extension ThemeColor {
    /// Black or white, whichever stands out against `bg`.
    static func contrast(to bg: ThemeColor) -> ThemeColor {
        guard case .index(let i) = bg else { return .terminalDefault }
        let c = ThemeColor.rgb(i)
        return (c.r * 299 + c.g * 587 + c.b * 114) / 1000 > 128 ? .black : .white
    }
}

extension Role {
    /// Attributes that keep a role recognisable without colour. Applied under `NO_COLOR` /
    /// monochrome terminals, and on 8-colour terminals to roles that lost their colour.
    public var attributesWithoutColor: Attributes {
        switch self {
        case .selection, .cursor: return .reverse
        case .timerOver: return [.reverse, .bold]
        case .header: return [.reverse, .bold]
        case .selectionInactive, .input: return .underline
        case .highlight: return [.underline, .bold]
        case .title, .borderFocused, .accent, .key, .warning, .error, .timerWarn: return .bold
        case .dim, .placeholder: return .dim
        case .normal, .border, .tag, .statusBar, .message, .success, .timerOk,
             .diagramBox, .diagramEdge, .diagramLabel, .dialog:
            return []
        }
    }
}

/// A theme made concrete for one terminal: what the backend needs to draw cells.
public struct ResolvedTheme: Hashable, Sendable {
    public let name: String
    public let capability: ColorCapability
    /// One entry per role, indexed by `Role.rawValue`.
    public let styles: [TerminalStyle]
    /// The distinct colour pairs other than the terminal default, in role order. Pair number
    /// `n` (1-based, for ncurses `init_pair`) is `colorPairs[n - 1]`; pair 0 is the default.
    public let colorPairs: [ColorPair]
    private let pairNumbers: [Int16]

    init(name: String, capability: ColorCapability, styles: [TerminalStyle]) {
        self.name = name
        self.capability = capability
        self.styles = styles
        var pairs: [ColorPair] = []
        var numbers: [Int16] = []
        for s in styles {
            let p = s.colorPair
            if p == .terminalDefault { numbers.append(0); continue }
            if let i = pairs.firstIndex(of: p) {
                numbers.append(Int16(i + 1))
            } else {
                pairs.append(p)
                numbers.append(Int16(pairs.count))
            }
        }
        self.colorPairs = pairs
        self.pairNumbers = numbers
    }

    public subscript(role: Role) -> TerminalStyle { styles[Int(role.rawValue)] }

    /// The role's look with the cell's own attributes added.
    public func terminalStyle(for style: Style) -> TerminalStyle {
        var t = styles[Int(style.role.rawValue)]
        t.attributes.formUnion(style.attributes)
        return t
    }

    /// The colour pair number for a role (0 = terminal default colours).
    public func pairNumber(for role: Role) -> Int16 { pairNumbers[Int(role.rawValue)] }
}
