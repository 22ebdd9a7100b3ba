import DesignExport
import DesignModel

/// The three forms of `sysdraft diff`: text for a terminal (optionally coloured), Markdown for
/// a pull request, JSON for scripts.
extension DiffReport {
    // MARK: JSON

    /// `{"added": [IDS], "removed": [IDS], "changed": [{"id": ID, "fields": [NAMES]}]}`.
    /// Ids are those of top-level items; a checklist stage's id is its key (`requirements`);
    /// changes to the design's own fields appear under the id `design`. Field names are paths
    /// inside the item: `name`, `options[opt-2].pros`, `options[opt-3]` (a nested item added
    /// or removed).
    public func json() -> String {
        func list(_ ids: [String]) -> String {
            ids.isEmpty ? "[]" : "[" + ids.map { JSONValue.string($0).compactText() }.joined(separator: ", ") + "]"
        }
        var changed: [(String, [String])] = diff.changed.map { c in (c.id, c.changes.map { $0.path.description }) }
        if !diff.document.isEmpty {
            changed.insert((SemanticDiff.documentID, diff.document.map { $0.path.description }), at: 0)
        }
        var out = "{\n"
        out += "  \"added\": " + list(diff.added.map(\.id)) + ",\n"
        out += "  \"removed\": " + list(diff.removed.map(\.id)) + ",\n"
        if changed.isEmpty {
            out += "  \"changed\": []\n"
        } else {
            out += "  \"changed\": [\n"
            out += changed.map { id, fields in
                "    {\"id\": " + JSONValue.string(id).compactText() + ", \"fields\": " + list(fields) + "}"
            }.joined(separator: ",\n")
            out += "\n  ]\n"
        }
        return out + "}\n"
    }

    // MARK: text

    /// Plain text; with `color`, ANSI colours (green added, red removed, yellow changed).
    /// Every piece of user text has control characters made visible first.
    public func text(color: Bool = false) -> String {
        let paint = Paint(on: color)
        var out = ""
        if diff.isEmpty { return "No differences.\n" }
        if !diff.document.isEmpty {
            out += paint.bold("Design") + "\n"
            for c in diff.document { out += "  " + paint.yellow("~") + " " + changeLine(c) + "\n" }
            out += "\n"
        }
        for list in listsInOrder {
            let kind = ItemKinds.kind(forList: list)
            let added = diff.added.filter { $0.list == list }, removed = diff.removed.filter { $0.list == list }
            let changed = diff.changed.filter { $0.list == list }
            out += paint.bold(kind.heading) + paint.dim(" (" + counts(added.count, removed.count, changed.count) + ")") + "\n"
            for a in added { out += "  " + paint.green("+ " + TextSafety.oneLine(a.id)) + "  " + safeTitle(a.value, kind) + "\n" }
            for r in removed { out += "  " + paint.red("- " + TextSafety.oneLine(r.id)) + "  " + safeTitle(r.value, kind) + "\n" }
            for c in changed {
                out += "  " + paint.yellow("~ " + TextSafety.oneLine(c.id)) + "  " + safeTitle(c.new, kind) + "\n"
                for f in c.changes { out += "      " + changeLine(f, paint: paint) + "\n" }
            }
            out += "\n"
        }
        if !statusChanges.isEmpty {
            out += paint.bold("Status changes") + "\n"
            for s in statusChanges {
                out += "  \(ItemKinds.kind(forList: s.list).singular) \(TextSafety.oneLine(s.id))  "
                    + ValueText.shorten(TextSafety.oneLine(s.title)) + ": " + s.old + " → " + paint.bold(s.new) + "\n"
            }
            out += "\n"
        }
        if !checklist.isEmpty {
            out += paint.bold("Checklist") + "\n"
            for s in checklist {
                out += "  " + s.title + "  \(s.before.done)/\(s.before.total) → \(s.after.done)/\(s.after.total)\n"
                for t in s.ticked { out += "      " + paint.green("✓ ticked") + " " + ValueText.shorten(TextSafety.oneLine(t)) + "\n" }
                for t in s.unticked { out += "      " + paint.red("✗ unticked") + " " + ValueText.shorten(TextSafety.oneLine(t)) + "\n" }
                for o in s.other { out += "      " + ValueText.shorten(TextSafety.oneLine(o)) + "\n" }
            }
            out += "\n"
        }
        for section in extraSections {
            out += paint.bold(TextSafety.oneLine(section.heading)) + "\n"
            for l in section.lines {
                out += "  \(TextSafety.oneLine(l.id))  \(ValueText.shorten(TextSafety.oneLine(l.title))): "
                    + "\(TextSafety.oneLine(l.old)) → \(TextSafety.oneLine(l.new))\n"
            }
            out += "\n"
        }
        out += paint.bold("Summary:") + " " + summary + "\n"
        return out
    }

    private func counts(_ a: Int, _ r: Int, _ c: Int) -> String {
        [(a, "added"), (r, "removed"), (c, "changed")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            .joined(separator: ", ")
    }

    private func safeTitle(_ item: JSONValue, _ kind: ItemKind) -> String {
        ValueText.shorten(TextSafety.oneLine(title(item, kind)))
    }

    /// "name: "A" → "B"", "pros: + "fast" − "slow"", "options[opt-3] added "Cassandra"".
    func changeLine(_ c: SemanticDiff.Change, paint: Paint = Paint(on: false)) -> String {
        let path = TextSafety.oneLine(c.path.description)
        if c.old == nil, c.path.lastItem != nil, c.path.steps.last.map({ if case .item = $0 { true } else { false } }) == true {
            return path + " " + paint.green("added") + " " + ValueText.shown(c.new)
        }
        if c.new == nil, c.path.steps.last.map({ if case .item = $0 { true } else { false } }) == true {
            return path + " " + paint.red("removed") + " " + ValueText.shown(c.old)
        }
        if let (added, removed) = ValueText.setChange(c.old, c.new) {
            let parts = added.map { paint.green("+ " + $0) } + removed.map { paint.red("- " + $0) }
            return path + ": " + parts.joined(separator: ", ")
        }
        return path + ": " + paint.red(ValueText.shown(c.old)) + " → " + paint.green(ValueText.shown(c.new))
    }

    // MARK: Markdown

    /// GitHub-flavoured Markdown for a pull request: a summary line, then a section per kind
    /// of item. User text is escaped (it cannot open a block, a link, HTML or a code span).
    public func markdown() -> String {
        func md(_ s: String) -> String { MarkdownText.inline(s, atLineStart: false) }
        var out = "### Design changes\n\n"
        out += "**Summary:** " + md(summary) + "\n"
        if diff.isEmpty { return out }
        if !diff.document.isEmpty {
            out += "\n#### Design\n\n"
            for c in diff.document { out += "- " + mdChange(c) + "\n" }
        }
        for list in listsInOrder {
            let kind = ItemKinds.kind(forList: list)
            out += "\n#### " + MarkdownText.inline(kind.heading, heading: true) + "\n\n"
            for a in diff.added where a.list == list {
                out += "- **added** " + md(a.id) + " — " + md(title(a.value, kind)) + "\n"
            }
            for r in diff.removed where r.list == list {
                out += "- **removed** " + md(r.id) + " — " + md(title(r.value, kind)) + "\n"
            }
            for c in diff.changed where c.list == list {
                out += "- **changed** " + md(c.id) + " — " + md(title(c.new, kind)) + "\n"
                for f in c.changes { out += "  - " + mdChange(f) + "\n" }
            }
        }
        if !statusChanges.isEmpty {
            out += "\n#### Status changes\n\n"
            for s in statusChanges {
                out += "- " + md("\(ItemKinds.kind(forList: s.list).singular) \(s.id) \(s.title)") + ": "
                    + md(s.old) + " → **" + md(s.new) + "**\n"
            }
        }
        if !checklist.isEmpty {
            out += "\n#### Checklist\n\n| stage | before | after | changes |\n|---|---|---|---|\n"
            for s in checklist {
                let changes = s.ticked.map { "ticked " + $0 } + s.unticked.map { "unticked " + $0 } + s.other
                out += "| " + md(s.title) + " | \(s.before.done)/\(s.before.total) | \(s.after.done)/\(s.after.total) | "
                    + (changes.isEmpty ? "—" : changes.map(md).joined(separator: "; ")) + " |\n"
            }
        }
        for section in extraSections {
            out += "\n#### " + MarkdownText.inline(section.heading, heading: true) + "\n\n"
            for l in section.lines {
                out += "- " + md(l.id) + " " + md(l.title) + ": " + md(l.old) + " → " + md(l.new) + "\n"
            }
        }
        return out
    }

    private func mdChange(_ c: SemanticDiff.Change) -> String {
        func md(_ s: String) -> String { MarkdownText.inline(s, atLineStart: false) }
        let path = md(c.path.description)
        let isItem: Bool = { if case .item? = c.path.steps.last { return true } else { return false } }()
        if isItem && c.old == nil { return path + " added: " + md(ValueText.shown(c.new)) }
        if isItem && c.new == nil { return path + " removed: " + md(ValueText.shown(c.old)) }
        if let (added, removed) = ValueText.setChange(c.old, c.new) {
            return path + ": " + (added.map { "added " + md($0) } + removed.map { "removed " + md($0) }).joined(separator: ", ")
        }
        return path + ": " + md(ValueText.shown(c.old)) + " → " + md(ValueText.shown(c.new))
    }
}

/// ANSI colours, or nothing.
struct Paint {
    var on: Bool
    func wrap(_ code: String, _ s: String) -> String { on ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }
    func green(_ s: String) -> String { wrap("32", s) }
    func red(_ s: String) -> String { wrap("31", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
}
