/// The characters a sequence diagram is drawn with, in Unicode and ASCII.
struct Glyphs {
    var lifeline: Unicode.Scalar
    var boxH: Unicode.Scalar, boxV: Unicode.Scalar
    var boxTL: Unicode.Scalar, boxTR: Unicode.Scalar, boxBL: Unicode.Scalar, boxBR: Unicode.Scalar
    /// Where a lifeline leaves the bottom of a participant box.
    var boxStem: Unicode.Scalar
    var frameH: Unicode.Scalar, frameV: Unicode.Scalar, frameDivider: Unicode.Scalar
    var frameTL: Unicode.Scalar, frameTR: Unicode.Scalar, frameBL: Unicode.Scalar, frameBR: Unicode.Scalar
    var frameDividerL: Unicode.Scalar, frameDividerR: Unicode.Scalar
    /// A frame edge crossing a lifeline.
    var crossing: Unicode.Scalar
    var solid: Unicode.Scalar, dashed: Unicode.Scalar
    var headRight: Unicode.Scalar, headLeft: Unicode.Scalar
    var openHeadRight: Unicode.Scalar, openHeadLeft: Unicode.Scalar
    /// Corners of a self-call's loop.
    var loopTop: Unicode.Scalar, loopBottom: Unicode.Scalar
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

    func shaft(_ arrow: SequenceScript.Arrow) -> Unicode.Scalar {
        switch arrow {
        case .call: solid
        case .reply: dashed
        case .async: gappedAsync ? solid : dashed
        }
    }

    func head(_ arrow: SequenceScript.Arrow, rightward: Bool) -> Unicode.Scalar {
        switch arrow {
        case .call, .reply: rightward ? headRight : headLeft
        case .async: rightward ? openHeadRight : openHeadLeft
        }
    }

    /// A short sample of an arrow for the key ("──▶").
    func sample(_ arrow: SequenceScript.Arrow) -> String {
        if arrow == .async && gappedAsync { return "- -" + String(Character(headRight)) }
        let s = Character(shaft(arrow))
        return String([s, s, s, Character(head(arrow, rightward: true))])
    }
}
