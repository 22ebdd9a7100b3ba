import CNcursesw
import Workspace

/// Translates what `get_wch` returns into the app's key type: the one place that knows
/// curses key codes.
enum KeyDecoder {
    /// A character code (not a function key).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(UnicodeScalar(code + 96)!))
        case 28...31: return nil
        default:
            guard let scalar = UnicodeScalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A function-key code (`KEY_*`).
    static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default:
            // Modified arrows have terminal-specific codes; their names are stable.
            guard let name = keyname(code).map({ String(cString: $0) }) else { return nil }
            switch name {
            case "kLFT5", "kLFT3": return .ctrlLeft
            case "kRIT5", "kRIT3": return .ctrlRight
            case "kHOM5": return .home
            case "kEND5": return .end
            default: return nil
            }
        }
    }

    /// The name ncurses gives a key code, e.g. "KEY_UP" (used by a link test).
    static func name(_ code: Int32) -> String? {
        keyname(code).map { String(cString: $0) }
    }
}
