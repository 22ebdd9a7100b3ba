import DesignDiff
import DesignModel

/// Merge conflicts that `sysdraft merge` recorded in the design, as a list to resolve. The list
/// is only in Tab order while it has items (or is focused): a design without conflicts never
/// shows it. Resolving goes through `ConflictResolution`; `e` writes a value by hand as JSON.
enum ConflictKind {
    static let kind = ItemKind.list(
        .conflicts, \Design.conflicts,
        title: "Merge conflicts", shortTitle: "Conflicts", noun: "merge conflict",
        name: { _, c in ConflictText.place(c) },
        searchText: { _, c in "\(c.id) \(c.path) \(c.item) \(c.reason.rawValue) \(c.note)" },
        form: { state, c in form(c) },
        apply: apply,
        cannotAdd: { _ in "Merge conflicts come from sysdraft merge: there is nothing to add here" },
        cannotDelete: { _, _ in "A merge conflict is resolved, not deleted: take ours, theirs or base, or e writes the value (? lists the keys)" },
        listedWhenEmpty: false,
        emptyText: "No merge conflicts: nothing stops validate here")

    static func form(_ c: MergeConflict?) -> Form {
        guard let c else {
            // Never offered (`cannotAdd`), but a form must exist for every kind.
            return Form(title: "Merge conflict", target: .newItem(.conflicts), fields: [])
        }
        return Form(
            title: "Resolve \(c.id): \(ConflictText.place(c))",
            target: .item(.conflicts, c.id.rawValue),
            fields: [.init("value", "Value (JSON)", paragraph: ConflictText.pretty(ConflictText.kept(c).text) ?? "null")])
    }

    /// Writes the edited value in place of the conflict, or says why not (not JSON, or a value
    /// the design cannot hold); the design is unchanged then.
    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        guard let raw = form.target.editedID else { return .failure(FormError("Merge conflicts come from sysdraft merge.")) }
        let text = form.text("value").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            return .failure(FormError("Write the value as JSON (null for none), or take a side: ours, theirs or base."))
        }
        do throws(JSONParseError) { _ = try JSONValue.parse(text) } catch {
            return .failure(FormError("Not JSON (\(error.description)); text goes in double quotes: \"Redis\"."))
        }
        do throws(ConflictResolution.Failure) {
            design = try ConflictResolution.resolve(design, ItemID(raw), .value(text))
        } catch {
            return .failure(FormError(ConflictText.sentence(error.description)))
        }
        return .success(raw)
    }
}

/// How a merge conflict reads: where it is, the three versions, which one the design holds.
public enum ConflictText {
    public enum Side: String, CaseIterable, Sendable {
        case ours, theirs, base

        var choice: ConflictResolution.Choice {
            switch self {
            case .ours: .ours
            case .theirs: .theirs
            case .base: .base
            }
        }
    }

    /// "comp-3 › technology", "trade-2 (the whole item)", "the design as a whole".
    public static func place(_ c: MergeConflict) -> String {
        if c.path.isEmpty { return "the design as a whole" }
        guard !c.item.isEmpty, let range = c.path.range(of: "[" + c.item + "]") else { return c.path }
        let field = c.path[range.upperBound...].drop { $0 == "." }
        return field.isEmpty ? "\(c.item) (the whole item)" : "\(c.item) › \(field)"
    }

    /// The version the design holds until the conflict is resolved: ours, except where ours
    /// deleted it (then the side that kept it; `sysdraft merge` never loses the changed side).
    public static func kept(_ c: MergeConflict) -> (side: Side, text: String?) {
        if let o = c.ours { return (.ours, o) }
        if let t = c.theirs { return (.theirs, t) }
        return (.base, c.base)
    }

    /// A side's value pretty-printed (two-space JSON), or nil where the side has none.
    public static func pretty(_ text: String?) -> String? {
        guard let text else { return nil }
        guard let v = try? JSONValue.parse(text) else { return text }
        let out = String(decoding: v.prettyBytes(), as: UTF8.self)
        return out.hasSuffix("\n") ? String(out.dropLast()) : out
    }

    /// A side's value for the full view: the JSON, or what its absence means.
    public static func shown(_ c: MergeConflict, _ side: Side) -> String {
        let text: String? = switch side {
        case .ours: c.ours
        case .theirs: c.theirs
        case .base: c.base
        }
        if let p = pretty(text) { return p }
        if side == .base { return "(absent: new on both sides)" }
        return c.item.isEmpty || !c.path.hasSuffix("[\(c.item)]") ? "(absent)" : "(deleted on \(side.rawValue))"
    }

    /// What happened, for people (the record's note, or its reason).
    public static func what(_ c: MergeConflict) -> String {
        if !c.note.isEmpty { return c.note }
        switch c.reason {
        case .bothChanged: return "changed differently on both sides"
        case .deletedAndChanged: return "deleted on one side and changed on the other"
        case .danglingReference: return "deleted on one side while the other still refers to it"
        case .inconsistent: return "the merged design broke a rule of the model"
        }
    }

    /// An error description as one sentence, first letter up.
    static func sentence(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.prefix(1).uppercased() + t.dropFirst() + (t.hasSuffix(".") ? "" : ".")
    }
}
