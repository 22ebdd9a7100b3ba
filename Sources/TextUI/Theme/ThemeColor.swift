// Colours as themes name them, and what a terminal can show.

/// A terminal colour: the terminal's own default, or an index in the 256-colour palette
/// (0–7 the basic colours, 8–15 their bright versions, 16–231 a 6×6×6 cube, 232–255 greys).
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    case terminalDefault
    case index(UInt8)

    public static let black = ThemeColor.index(0)
    public static let red = ThemeColor.index(1)
    public static let green = ThemeColor.index(2)
    public static let yellow = ThemeColor.index(3)
    public static let blue = ThemeColor.index(4)
    public static let magenta = ThemeColor.index(5)
    public static let cyan = ThemeColor.index(6)
    public static let white = ThemeColor.index(7)

    /// The value to give ncurses' `init_pair` (after `use_default_colors`): -1 for the
    /// terminal default, else the palette index.
    public var cursesValue: Int16 {
        switch self {
        case .terminalDefault: return -1
        case .index(let i): return Int16(i)
        }
    }

    /// True for the terminal default and the basic colours 0–7 (all an 8-colour terminal has).
    public var isBasic: Bool {
        if case .index(let i) = self { return i < 8 }
        return true
    }

    public var description: String {
        switch self {
        case .terminalDefault: return "default"
        case .index(let i): return i < 16 ? ThemeColor.names[Int(i)] : String(i)
        }
    }

    /// Names accepted in theme files, by palette index 0–15.
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parse a colour name: `default`, a basic or `bright-` name (`_` also accepted),
    /// `gray`/`grey` (= bright-black), or `#rrggbb` (mapped to the nearest palette colour).
    public init?(name raw: String) {
        let name = String(raw.lowercased().map { $0 == "_" ? "-" : $0 })
        if name == "default" || name == "terminal" || name == "none" { self = .terminalDefault; return }
        if name == "gray" || name == "grey" { self = .index(8); return }
        if let i = ThemeColor.names.firstIndex(of: name) { self = .index(UInt8(i)); return }
        if name.hasPrefix("#"), name.count == 7, let v = UInt32(name.dropFirst(), radix: 16) {
            self = .index(ThemeColor.nearest256(r: Int(v >> 16), g: Int((v >> 8) & 0xFF), b: Int(v & 0xFF)))
            return
        }
        return nil
    }

    /// xterm's RGB value for a palette index.
    public static func rgb(_ index: UInt8) -> (r: Int, g: Int, b: Int) {
        let i = Int(index)
        switch i {
        case 0..<16: return basicRGB[i]
        case 16..<232:
            let c = i - 16
            let level = { (n: Int) in n == 0 ? 0 : 55 + n * 40 }
            return (level(c / 36), level((c / 6) % 6), level(c % 6))
        default:
            let v = 8 + (i - 232) * 10
            return (v, v, v)
        }
    }

    static let basicRGB: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// Nearest colour of the 256 palette (searching the cube and the grey ramp, 16–255).
    public static func nearest256(r: Int, g: Int, b: Int) -> UInt8 {
        var best = 16, bestD = Int.max
        for i in 16...255 {
            let c = rgb(UInt8(i))
            let d = (c.r - r) * (c.r - r) + (c.g - g) * (c.g - g) + (c.b - b) * (c.b - b)
            if d < bestD { bestD = d; best = i }
        }
        return UInt8(best)
    }

    /// The nearest basic colour (0–7), for 8-colour terminals. Bright colours 8–15 map to
    /// their basic colour; the default stays the default.
    public var basic: ThemeColor {
        switch self {
        case .terminalDefault: return .terminalDefault
        case .index(let i) where i < 8: return self
        case .index(let i) where i < 16: return .index(i - 8)
        case .index(let i):
            let c = ThemeColor.rgb(i)
            // Plain RGB distance to xterm's basic colours. It is crude (deep blues tend to
            // come out cyan), which is why theme files can name `fg8`/`bg8` explicitly.
            var best = 0, bestD = Int.max
            for j in 0..<8 {
                let p = ThemeColor.basicRGB[j]
                let d = (p.r - c.r) * (p.r - c.r) + (p.g - c.g) * (p.g - c.g) + (p.b - c.b) * (p.b - c.b)
                if d < bestD { bestD = d; best = j }
            }
            return .index(UInt8(best))
        }
    }
}

/// How many colours the terminal can show. `.none` also covers `NO_COLOR`.
public enum ColorCapability: Sendable, Hashable, CaseIterable {
    case colors256
    case colors8
    case none

    /// Decide from the environment and the number of colours the terminal reports
    /// (ncurses' `COLORS` after `start_color`, 0 when `has_colors()` is false).
    /// A non-empty `NO_COLOR` always wins (https://no-color.org); `TERM=dumb` has no colour.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorCapability {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        if environment["TERM"] == "dumb" { return .none }
        if terminalColors >= 256 { return .colors256 }
        if terminalColors >= 8 { return .colors8 }
        return .none
    }
}
