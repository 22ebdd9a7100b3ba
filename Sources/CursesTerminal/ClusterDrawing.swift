import CNcursesw
import Foundation

/// Grapheme clusters of several scalars (emoji with modifiers, ZWJ sequences, flags, combining
/// marks) drawn whole, in the cells the grid gave them.
///
/// ncurses stores a cell as one spacing character plus at most four zero-width ones, and lays a
/// string out by each character's `wcwidth`. A cluster it can lay out at the grid's width is
/// drawn through it, part by part (an emoji with a modifier on a terminal that draws the
/// modifier on its own: two two-cell characters). One it cannot (a ZWJ sequence the terminal
/// draws as one glyph, more parts than a cell holds) is drawn after the refresh: ncurses gets
/// spaces in those cells, then the cluster is written over them with the cell's attributes,
/// through ncurses' own cursor and attribute calls, so its idea of the screen stays true.
enum ClusterDrawing {
    struct Overlay: Equatable {
        var y: Int
        var x: Int
        var text: String
        var attrs: attr_t
        var pair: Int16
    }

    /// Draws `symbol` at (y, x) across `cells` cells, or returns it as an overlay to write after
    /// the refresh. Only called for clusters of more than one scalar.
    static func put(_ symbol: String, y: Int, x: Int, cells: Int, attrs: attr_t, pair: Int16) -> Overlay? {
        if let groups = cellGroups(symbol), groups.map(\.width).reduce(0, +) == cells {
            var col = x
            for g in groups {
                var buffer = g.scalars.map { wchar_t(bitPattern: $0) } + [0]
                _ = sd_put_cell(Int32(y), Int32(col), &buffer, attrs, pair)
                col += g.width
            }
            return nil
        }
        var blank: [wchar_t] = [32, 0]
        for k in 0..<cells { _ = sd_put_cell(Int32(y), Int32(x + k), &blank, attrs, pair) }
        return Overlay(y: y, x: x, text: symbol, attrs: attrs, pair: pair)
    }

    /// The cluster split as ncurses would lay it out: each spacing character with the zero-width
    /// ones after it. Nil when ncurses cannot hold it that way (a zero-width start, a cell of
    /// more than five characters, a character wcwidth does not know).
    static func cellGroups(_ symbol: String) -> [(scalars: [UInt32], width: Int)]? {
        var groups: [(scalars: [UInt32], width: Int)] = []
        for u in symbol.unicodeScalars {
            let w = Int(sd_wcwidth(u.value))
            if w < 0 { return nil }
            if w == 0 {
                guard !groups.isEmpty, groups[groups.count - 1].scalars.count < 5 else { return nil }
                groups[groups.count - 1].scalars.append(u.value)
            } else {
                groups.append(([u.value], w))
            }
        }
        return groups.isEmpty ? nil : groups
    }

    /// Writes the overlays after a refresh, and leaves the cursor where ncurses had it.
    static func emit(_ overlays: [Overlay]) {
        guard !overlays.isEmpty else { return }
        let home = (y: sd_cursor_y(), x: sd_cursor_x())
        var at = home
        for o in overlays {
            _ = sd_mvcur(at.y, at.x, Int32(o.y), Int32(o.x))
            _ = sd_vid_attr(o.attrs, o.pair)
            _ = o.text.withCString { sd_putp($0) }
            // A carriage return puts the cursor at a known place whatever width the terminal
            // gave the cluster (and ends a pending wrap at the right edge).
            _ = sd_putp("\r")
            at = (Int32(o.y), 0)
        }
        _ = sd_mvcur(at.y, at.x, home.y, home.x)
        _ = sd_vid_attr(sd_a_normal(), 0)
        sd_flush_output()
    }
}
