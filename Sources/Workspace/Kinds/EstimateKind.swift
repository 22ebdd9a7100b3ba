import DesignModel
import Estimates

extension Pane {
    public static let estimates = Pane("estimates")
}

/// Capacity estimates: named figures with units (`read_qps = dau * reads_per_user / day`)
/// that refer to each other by name. The form previews the value or the error as it is typed;
/// saving is refused only for a bad or taken name (an expression with an error is kept and
/// shown with its error); renaming rewrites every expression that uses the name.
enum EstimateKind {
    static let kind = ItemKind.list(
        .estimates, \Design.estimates,
        title: "Estimates", shortTitle: "Estimates", noun: "estimate",
        name: { _, e in e.name },
        searchText: { _, e in "\(e.id) \(e.name) \(e.expression) \(e.description)" },
        form: { _, e in form(e) },
        apply: apply,
        preview: preview,
        keyContext: .estimates,
        deleteEffects: deleteEffects)

    static func form(_ e: Estimate?) -> Form {
        Form(title: e == nil ? "New estimate" : "Edit estimate \(e!.id)",
             target: e.map { .item(.estimates, $0.id.rawValue) } ?? .newItem(.estimates),
             fields: [
                 .init("name", "Name", text: e?.name ?? ""),
                 .init("expression", "Expression", text: e?.expression ?? ""),
                 .init("description", "Description", paragraph: e?.description ?? ""),
             ])
    }

    /// Why `name` cannot be the estimate's name (`editing`: the id of the estimate being
    /// edited, which may keep its own name), or nil.
    static func nameProblem(_ name: String, in design: Design, editing: String?) -> String? {
        if name.isEmpty { return "The estimate needs a name (letters, digits and _)." }
        if !ReservedNames.isIdentifier(name) {
            return CalcError(.badName(name, reason: "use letters, digits and _, starting with a letter or _"), column: nil).message
        }
        if let why = ReservedNames.reason(name) { return CalcError(.badName(name, reason: why), column: nil).message }
        if design.estimates.contains(where: { $0.name == name && $0.id.rawValue != editing }) {
            return CalcError(.duplicateName(name), column: nil).message
        }
        return nil
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let name = FormText.trimmed(form.text("name"))
        let editing = form.target.editedID
        if let problem = nameProblem(name, in: design, editing: editing) { return .failure(FormError(problem)) }
        // An expression with an error is kept: the list shows the error on its row.
        let expression = form.text("expression").trimmingCharacters(in: .whitespaces)
        let description = form.text("description").trimmingCharacters(in: .whitespacesAndNewlines)
        if let editing, let i = design.estimates.firstIndex(of: ItemID(editing)) {
            if design.estimates[i].name != name {
                do { try design.renameEstimate(ItemID(editing), to: name) } catch {
                    return .failure(FormError("Cannot rename: \(error)"))
                }
            }
            design.estimates[i].expression = expression
            design.estimates[i].description = description
            return .success(editing)
        }
        let id = design.estimates.idForEdit(editing)
        design.estimates.append(Estimate(id: id, name: name, expression: expression, description: description))
        return .success(id.rawValue)
    }

    // MARK: preview

    /// Notes under the name (why it cannot be saved; what a rename rewrites) and under the
    /// expression (its value, or its error with the column), from the cached sheet: an edited
    /// row is recomputed in a copy of the sheet, a new one evaluated against it.
    static func preview(_ form: inout Form, _ state: AppState) {
        let sheet = state.estimateCache.sheet
        let design = state.design
        let name = FormText.trimmed(form.text("name"))
        let text = form.text("expression")
        let row = form.target.editedID.flatMap { design.estimates.firstIndex(of: ItemID($0)) }
        var notes: [String: Form.Note] = [:]

        if !name.isEmpty, let problem = nameProblem(name, in: design, editing: form.target.editedID) {
            notes["name"] = Form.Note(problem + " — cannot save", .error)
        } else if let i = row, design.estimates[i].name != name, !name.isEmpty {
            let places = usesOfRow(i, state)
            if !places.isEmpty { notes["name"] = Form.Note("saving renames it in " + listed(places), .hint) }
        }

        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            notes["expression"] = LoadFields.hint(form, "expression", "a value with its unit (10M, 500 B, 2 ms, 99.9%) or a formula of estimates")
        } else {
            notes["expression"] = note(evaluateDraft(text, name: name, row: row, sheet: sheet))
        }
        form.notes = notes
    }

    /// The draft expression's status and the unit it asks for: in a copy of the sheet with the
    /// row replaced (so a cycle through the estimates that use it is found), or for a new row
    /// against the sheet as it is.
    static func evaluateDraft(_ text: String, name: String, row: Int?, sheet: EstimateSheet)
        -> (status: EstimateSheet.Status, target: UnitTarget?) {
        if let i = row, i < sheet.rows.count {
            let current = sheet.rows[i]
            var s = sheet
            if current.expression != text { s.set(EstimateSheet.Row(name: current.name, expression: text), at: i) }
            let status = s.statuses[i]
            // The row's own name problem is said under the name; the expression is judged alone.
            if case .error(let e) = status, e.isAboutTheName {
                let alone = s.evaluate(text)
                return (alone.status, alone.expression?.target)
            }
            return (status, s.expression(at: i)?.target)
        }
        let result = sheet.evaluate(text)
        if let e = result.expression, !name.isEmpty, let k = e.names.firstIndex(of: name) {
            return (.error(CalcError(.cycle([name]), column: e.column(ofName: k))), e.target)
        }
        return (result.status, result.expression?.target)
    }

    static func note(_ result: (status: EstimateSheet.Status, target: UnitTarget?)) -> Form.Note {
        switch result.status {
        case .value(let q):
            return Form.Note("= " + EstimateText.value(q, target: result.target), .value)
        case .error(let e):
            return Form.Note(e.message, .error, column: e.column)
        case .dependsOnError(let names):
            return Form.Note("no value: uses " + names.joined(separator: ", ") + ", which "
                             + (names.count == 1 ? "has an error" : "have errors"), .error)
        }
    }

    /// Where the estimate at row `i` is used by name: estimates (from the sheet's references),
    /// flow rates and payloads, component capacities and instance counts. Empty when another
    /// estimate of the same name comes first (references resolve to that one).
    static func usesOfRow(_ i: Int, _ state: AppState) -> [String] {
        let design = state.design
        let sheet = state.estimateCache.sheet
        let name = design.estimates[i].name
        guard sheet.indexByName[name] == i else { return [] }
        var out = sheet.rowsUsing(i).filter { $0 != i }.map { design.estimates[$0].name }
        // The details strip asks on every frame: a byte search first (Foundation's `contains`
        // took most of a frame with 1,000 flows), a parse only for the few that hold the name.
        let needle = Array(name.utf8)
        func uses(_ text: String?) -> Bool {
            guard let text, holds(text, needle), let e = try? Expression.parse(text) else { return false }
            return e.names.contains(name)
        }
        for f in design.flows {
            if uses(f.rate) { out.append("the rate of \(f.id)") }
            if uses(f.payload) { out.append("the payload of \(f.id)") }
        }
        for c in design.components {
            if uses(c.capacity) { out.append("the capacity of \(c.name)") }
            if uses(c.instances) { out.append("the instances of \(c.name)") }
        }
        return out
    }

    /// Whether the UTF-8 bytes of `text` may use `needle` (a name's bytes) as a name: found, not
    /// right after an ASCII letter or `_` and not right before a letter, digit or `_` (so
    /// `rate_1` is not found in `rate_12`; `2dau` does use `dau`). The parse decides.
    static func holds(_ text: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return false }
        func letter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        func word(_ b: UInt8) -> Bool { letter(b) || (b >= 0x30 && b <= 0x39) }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == first, i == 0 || !letter(bytes[i - 1]) {
                    var j = 1
                    while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count, i + j == bytes.count || !word(bytes[i + j]) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// "a, b and c", or "a, b, c and 4 more".
    static func listed(_ items: [String], limit: Int = 3) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        if items.count > limit { return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    // MARK: delete

    /// Deleting an estimate other expressions use asks first, naming them.
    static func deleteEffects(_ design: Design, _ i: Int) -> String? {
        let name = design.estimates[i].name
        guard design.estimates.firstIndex(where: { $0.name == name }) == i else { return nil }
        var places: [String] = []
        for path in design.uses(ofEstimateNamed: name) {
            let parts = path.split(separator: ".")
            guard parts.count == 2, let open = parts[0].firstIndex(of: "["), let close = parts[0].firstIndex(of: "]"),
                  let k = Int(parts[0][parts[0].index(after: open)..<close]) else { continue }
            switch parts[0][..<open] {
            case "estimates" where k != i: places.append(design.estimates[k].name)
            case "flows": places.append("the \(parts[1]) of \(design.flows[k].id)")
            case "components": places.append("the \(parts[1]) of \(design.components[k].name)")
            default: break
            }
        }
        guard !places.isEmpty else { return nil }
        return "leave " + listed(places) + " without a value (\(places.count == 1 ? "it uses" : "they use") \(name))"
    }
}

extension CalcError {
    /// An error about a sheet row's name rather than its expression.
    var isAboutTheName: Bool {
        switch kind {
        case .badName, .duplicateName: true
        default: false
        }
    }
}

extension AppState {
    /// Where the estimate at row `i` is used by name (other estimates by name, "the rate of
    /// flow-3", "the capacity of Link cache"), for its details.
    public func usesOfEstimate(at i: Int) -> [String] { EstimateKind.usesOfRow(i, self) }
}

/// How the workspace writes an estimate's value.
public enum EstimateText {
    /// For screens (`38.6 /s`), with four significant digits beside it when they say more
    /// (`38.6 /s (38.58 /s)`, but `3.0 TB` alone).
    public static func value(_ q: Quantity, target: UnitTarget?) -> String {
        let shown = ValueFormat.show(q, target: target, style: .display).text
        let precise = ValueFormat.show(q, target: target, style: .precise).text
        return withoutTrailingZeros(shown) == withoutTrailingZeros(precise) ? shown : "\(shown) (\(precise))"
    }

    /// `3.0 TB` → `3 TB`, `1.50K` → `1.5K`: numbers compared by their digits.
    static func withoutTrailingZeros(_ s: String) -> String {
        var out = ""
        var fraction = ""
        var inFraction = false
        func flush() {
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if fraction != "." { out += fraction }
            fraction = ""
            inFraction = false
        }
        for c in s {
            if inFraction {
                if c.isNumber { fraction.append(c); continue }
                flush()
            }
            if c == "." {
                inFraction = true
                fraction = "."
                continue
            }
            out.append(c)
        }
        if inFraction { flush() }
        return out
    }
}
