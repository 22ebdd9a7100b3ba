import Foundation
import TextUI

/// Asks the terminal how wide it draws the emoji sequences terminals disagree on: writes each
/// at the start of the line followed by a cursor-position request (`ESC [ 6 n`) and reads where
/// the cursor ended. Done once, before the full screen starts; a terminal that does not answer
/// within a short time keeps the usual widths. `SYSDRAFT_EMOJI_WIDTHS=joined|split` skips the
/// question (joined: one glyph each; split: modifiers and ZWJ parts drawn side by side).
enum EmojiWidthProbe {
    static let modifier = "\u{1F44D}\u{1F3FD}"                          // thumbs up, medium skin tone
    static let zwj = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"      // family: man, woman, girl

    static func measure(environment: [String: String] = ProcessInfo.processInfo.environment,
                        timeoutMilliseconds: Int32 = 150) -> EmojiWidths? {
        switch environment["SYSDRAFT_EMOJI_WIDTHS"]?.lowercased() {
        case "joined": return .joined
        case "split": return EmojiWidths(modifierSequence: 4, zwjJoined: false)
        default: break
        }
        guard isatty(0) == 1, isatty(1) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var raw = saved
        cfmakeraw(&raw)
        guard tcsetattr(0, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(0, TCSANOW, &saved) }
        let request = "\r" + modifier + "\u{1B}[6n" + "\r" + zwj + "\u{1B}[6n"
        write(request)
        let columns = readReplies(count: 2, timeoutMilliseconds: timeoutMilliseconds)
        write("\r\u{1B}[2K")
        guard columns.count == 2 else { return nil }
        // The cursor column after the text is one more than its width.
        let modifierWidth = columns[0] - 1, zwjWidth = columns[1] - 1
        return EmojiWidths(modifierSequence: modifierWidth >= 4 ? 4 : 2, zwjJoined: zwjWidth <= 2)
    }

    private static func write(_ s: String) {
        let bytes = Array(s.utf8)
        bytes.withUnsafeBufferPointer { b in
            var off = 0
            while off < b.count {
                let n = Foundation.write(1, b.baseAddress! + off, b.count - off)
                if n <= 0 { break }
                off += n
            }
        }
    }

    /// The column of each `ESC [ row ; col R` reply, in order, until `count` arrived or the
    /// time is up. Other bytes (keys typed meanwhile) are dropped.
    static func readReplies(count: Int, timeoutMilliseconds: Int32) -> [Int] {
        var columns: [Int] = []
        var pending: [UInt8] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
        var byte: UInt8 = 0
        while columns.count < count {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let left = Int32((deadline - now) / 1_000_000) + 1
            guard poll(&fds, 1, left) > 0, read(0, &byte, 1) == 1 else { continue }
            pending.append(byte)
            if byte == UInt8(ascii: "R"), let col = parseReply(pending) {
                columns.append(col)
                pending.removeAll()
            }
            if pending.count > 64 { pending.removeFirst(pending.count - 64) }
        }
        return columns
    }

    /// The column of the last `ESC [ row ; col R` in `bytes`.
    static func parseReply(_ bytes: [UInt8]) -> Int? {
        guard let esc = bytes.lastIndex(of: 0x1B) else { return nil }
        let body = bytes[(esc + 1)...]
        guard body.first == UInt8(ascii: "["), body.last == UInt8(ascii: "R") else { return nil }
        let parts = String(decoding: body.dropFirst().dropLast(), as: UTF8.self).split(separator: ";")
        guard parts.count == 2, Int(parts[0]) != nil, let col = Int(parts[1]) else { return nil }
        return col
    }
}
