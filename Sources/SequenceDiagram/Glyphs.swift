/// The characters a sequence diagram is drawn with, in Unicode and ASCII.
struct Glyphs {
    var lifeline: Character
    var boxH: Character, boxV: Character
    var boxTL: Character, boxTR: Character, boxBL: Character, boxBR: Character
    /// Where a lifeline leaves the bottom of a participant box.
    var boxStem: Character
    var frameH: Character, frameV: Character, frameDivider: Character
    var frameTL: Character, frameTR: Character, frameBL: Character, frameBR: Character
    var frameDividerL: Character, frameDividerR: Character
    /// A frame edge crossing a lifeline.
    var crossing: Character
    var solid: Character, dashed: Character
    var headRight: Character, headLeft: Character
    var openHeadRight: Character, openHeadLeft: Character
    /// Corners of a self-call's loop.
    var loopTop: Character, loopBottom: Character
    /// ASCII async shafts alternate dash and space so they differ from replies.
    var gappedAsync: Bool

    static let unicode = Glyphs(
        lifeline: "│", boxH: "─", boxV: "│", boxTL: "┌", boxTR: "┐", boxBL: "└", boxBR: "┘", boxStem: "┬",
        frameH: "─", frameV: "│", frameDivider: "┄", frameTL: "┌", frameTR: "┐", frameBL: "└", frameBR: "┘",
        frameDividerL: "├", frameDividerR: "┤", crossing: "┼",
        solid: "─", dashed: "┄", headRight: "▶", headLeft: "◀", openHeadRight: "▷", openHeadLeft: "◁",
        loopTop: "┐", loopBottom: "┘", gappedAsync: false)

    static let ascii = Glyphs(
        lifeline: "|", boxH: "-", boxV: "|", boxTL: "+", boxTR: "+", boxBL: "+", boxBR: "+", boxStem: "+",
        frameH: "-", frameV: "|", frameDivider: ".", frameTL: "+", frameTR: "+", frameBL: "+", frameBR: "+",
        frameDividerL: "+", frameDividerR: "+", crossing: "+",
        solid: "-", dashed: ".", headRight: ">", headLeft: "<", openHeadRight: ">", openHeadLeft: "<",
        loopTop: "+", loopBottom: "+", gappedAsync: true)

    func shaft(_ arrow: SequenceScript.Arrow) -> Character {
        switch arrow {
        case .call: solid
        case .reply: dashed
        case .async: gappedAsync ? solid : dashed
        }
    }

    func head(_ arrow: SequenceScript.Arrow, rightward: Bool) -> Character {
        switch arrow {
        case .call, .reply: rightward ? headRight : headLeft
        case .async: rightward ? openHeadRight : openHeadLeft
        }
    }

    /// A short sample of an arrow for the key ("──▶").
    func sample(_ arrow: SequenceScript.Arrow) -> String {
        if arrow == .async && gappedAsync { return "- -" + String(headRight) }
        let s = shaft(arrow)
        return String([s, s, s, head(arrow, rightward: true)])
    }
}
