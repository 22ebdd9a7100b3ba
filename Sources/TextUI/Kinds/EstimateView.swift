import DesignModel
import Estimates
import Workspace

/// The Estimates list: one row per estimate with its name, its value in a readable unit and its
/// expression, in columns. A row with an error shows the message in place of the value (tag
/// `⚠`); a row that only uses a row with an error is marked `↳` and names it.
enum EstimateView {
    /// The name column's width at most; longer names are cut with an ellipsis.
    static let maxNameWidth = 22
    /// The value column (right-aligned): `1.2 Gbit/s`, `34.6K /day` fit.
    static let valueWidth = 10

    static let view = KindView(pane: .estimates, row: { state, i in
        let e = state.design.estimates[i]
        let sheet = state.estimateCache.sheet
        let nameWidth = min(maxNameWidth, max(4, state.estimateCache.longestName))
        let name = pad(DisplayWidth.truncate(Sanitize.forDisplay(e.name), to: nameWidth), nameWidth)
        guard i < sheet.statuses.count else { return RowText.Row(tag: " ", text: name, trailing: e.expression) }
        switch sheet.statuses[i] {
        case .value(let q):
            let value = ValueFormat.show(q, target: sheet.expression(at: i)?.target, style: .display).text
            return RowText.Row(tag: " ", text: name + "  " + leftPad(value, valueWidth) + "  " + e.expression, trailing: "")
        case .error(let err):
            return RowText.Row(tag: "⚠", text: name + "  " + errorText(err), trailing: e.expression)
        case .dependsOnError(let names):
            return RowText.Row(tag: "↳", text: name + "  " + leftPad("—", valueWidth) + "  " + e.expression,
                               trailing: "needs " + names.joined(separator: ", "))
        }
    }, detail: { state, i in
        let e = state.design.estimates[i]
        let sheet = state.estimateCache.sheet
        guard i < sheet.statuses.count else { return [DetailLine("Estimate", "\(e.name)  (\(e.id))"), DetailLine("Expression", e.expression)] }
        var out: [DetailLine] = []
        switch sheet.statuses[i] {
        case .value(let q):
            out.append(DetailLine("Estimate", "\(e.name) = \(EstimateText.value(q, target: sheet.expression(at: i)?.target))   (\(e.id))"))
            out.append(DetailLine("Expression", e.expression))
        case .error(let err):
            out.append(DetailLine("Estimate", "\(e.name): no value, it has an error   (\(e.id))"))
            out.append(DetailLine("Expression", e.expression + caretLine(e.expression, err.column)))
            out.append(DetailLine("Error", errorText(err)))
        case .dependsOnError(let names):
            out.append(DetailLine("Estimate", "\(e.name): no value, it uses " + names.joined(separator: ", ")
                                  + (names.count == 1 ? ", which has an error" : ", which have errors") + "   (\(e.id))"))
            out.append(DetailLine("Expression", e.expression))
        }
        let used = sheet.rowsUsed(by: i)
        if !used.isEmpty {
            out.append(DetailLine("Uses", used.map { k in "\(sheet.rows[k].name) = \(sheet.displayText(at: k))" }.joined(separator: "\n")))
        }
        let uses = state.usesOfEstimate(at: i)
        if !uses.isEmpty { out.append(DetailLine("Used by", uses.joined(separator: ", "))) }
        if !e.description.isEmpty { out.append(DetailLine("Description", e.description)) }
        return out
    })

    /// An error as a row shows it: the message, then the column.
    static func errorText(_ e: CalcError) -> String {
        e.message + (e.column.map { " (column \($0))" } ?? "")
    }

    /// A second line with `^` under column `column` (1-based) of `text`, or "" when there is
    /// no column or it is past the text's end.
    static func caretLine(_ text: String, _ column: Int?) -> String {
        guard let column, column >= 1 else { return "" }
        let before = Sanitize.forDisplay(String(text.prefix(column - 1)))
        return "\n" + String(repeating: " ", count: DisplayWidth.of(before)) + "^"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        let w = DisplayWidth.of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    static func leftPad(_ s: String, _ width: Int) -> String {
        let w = DisplayWidth.of(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }
}
