import DesignExport
import DesignModel

/// A section another part of sysdraft adds to the diff listing (text and Markdown), for
/// changes the item-by-item comparison shows only as raw fields — e.g. estimates whose computed
/// value changed. See `DiffExtras`.
public struct DiffSection: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var id: String
        public var title: String
        public var old: String
        public var new: String
        public init(id: String, title: String, old: String, new: String) {
            self.id = id
            self.title = title
            self.old = old
            self.new = new
        }
    }

    public var heading: String
    public var lines: [Line]
    public init(heading: String, lines: [Line]) {
        self.heading = heading
        self.lines = lines
    }
}

/// Everything `sysdraft diff` shows: the item-by-item diff plus the views made from it —
/// status changes (decisions and any kind with a status), checklist progress per stage, and
/// sections added through `DiffExtras`.
public struct DiffReport: Sendable {
    public struct StatusChange: Equatable, Sendable {
        public var list: String
        public var id: String
        public var title: String
        public var old: String
        public var new: String
    }

    public struct ChecklistCount: Equatable, Sendable {
        public var done: Int
        public var total: Int
    }

    public struct StageChange: Equatable, Sendable {
        public var stage: StageKey
        public var title: String
        public var before: ChecklistCount
        public var after: ChecklistCount
        /// Catalogue items ticked and unticked (their text when the catalogue has it).
        public var ticked: [String]
        public var unticked: [String]
        /// Other changes: custom items added, removed, ticked; notes edited.
        public var other: [String]
    }

    public var diff: SemanticDiff
    public var statusChanges: [StatusChange]
    public var checklist: [StageChange]
    public var checklistTotals: (before: (done: Int, total: Int), after: (done: Int, total: Int))
    public var extraSections: [DiffSection]
    /// Item titles by id (new design first, then old), for naming the ends of flows.
    let titles: [String: String]

    public init(old: Design, new: Design, catalogue: StageCatalogue?,
                extras: [DiffSectionProvider] = DiffExtras.sections) throws {
        let trees = try CanonicalTrees.of([old, new])
        let a = trees[0], b = trees[1]
        diff = DesignDiffer.diff(a, b)
        var titles: [String: String] = [:]
        for tree in [a, b] {
            for m in tree.objectValue ?? [] {
                guard let items = m.value.arrayValue else { continue }
                let kind = ItemKinds.kind(forList: m.key)
                for item in items {
                    if let id = item[kind.keyField]?.stringValue { titles[id] = Self.plainTitle(item, kind) }
                }
            }
        }
        self.titles = titles
        statusChanges = []
        checklist = []
        checklistTotals = ((0, 0), (0, 0))
        extraSections = extras.compactMap { $0(old, new) }.filter { !$0.lines.isEmpty }
        statusChanges = diff.changed.compactMap(statusChange)
        (checklist, checklistTotals) = Self.checklistChanges(old, new, diff, catalogue)
    }

    private func statusChange(_ c: SemanticDiff.ChangedItem) -> StatusChange? {
        let kind = ItemKinds.kind(forList: c.list)
        guard let field = kind.statusField,
              let change = c.changes.first(where: { $0.path == TreePath([.key(field)]) }) else { return nil }
        return StatusChange(list: c.list, id: c.id, title: title(c.new, kind),
                            old: change.old.map(ValueText.plain) ?? "(none)", new: change.new.map(ValueText.plain) ?? "(none)")
    }

    // MARK: titles

    static func plainTitle(_ item: JSONValue, _ kind: ItemKind) -> String {
        for f in kind.titleFields {
            if let s = item[f]?.stringValue, !s.isEmpty { return s }
        }
        return ""
    }

    /// An item's title for listings: its name, or "A → B: label" for items that connect two others.
    func title(_ item: JSONValue, _ kind: ItemKind) -> String {
        let own = Self.plainTitle(item, kind)
        guard let ends = kind.ends, let from = item[ends.from]?.stringValue, let to = item[ends.to]?.stringValue else {
            return own
        }
        let arrow = "\(titles[from].flatMap { $0.isEmpty ? nil : $0 } ?? from) → \(titles[to].flatMap { $0.isEmpty ? nil : $0 } ?? to)"
        return own.isEmpty ? arrow : "\(arrow): \(own)"
    }

    // MARK: checklist

    static func checklistChanges(_ old: Design, _ new: Design, _ diff: SemanticDiff, _ catalogue: StageCatalogue?)
        -> ([StageChange], ((Int, Int), (Int, Int)))
    {
        var out: [StageChange] = []
        var totals = ((0, 0), (0, 0))
        let changedStages = Dictionary(diff.changed.filter { $0.list == "stages" }.map { ($0.id, $0) },
                                       uniquingKeysWith: { a, _ in a })
        for key in StageKey.allCases {
            let before = progress(old, key, catalogue), after = progress(new, key, catalogue)
            totals.0.0 += before.done; totals.0.1 += before.total
            totals.1.0 += after.done; totals.1.1 += after.total
            guard let changed = changedStages[key.rawValue] else { continue }
            let a = old.stage(key), b = new.stage(key)
            let text: (String) -> String = { k in
                catalogue?[key].items.first { $0.key == k }?.text ?? k
            }
            let ticked = b.done.filter { !a.done.contains($0) }.map(text)
            let unticked = a.done.filter { !b.done.contains($0) }.map(text)
            var other: [String] = []
            for c in changed.changes {
                guard let first = c.path.steps.first else { continue }
                switch first {
                case .key("done"): continue
                case .key("notes"): other.append("notes edited")
                case .key("custom"):
                    let name = (c.new ?? c.old)?["text"]?.stringValue ?? c.path.lastItem ?? ""
                    if c.old == nil { other.append("added “\(name)”" + (c.new?["done"] == .bool(true) ? " (done)" : "")) }
                    else if c.new == nil { other.append("removed “\(name)”") }
                    else if c.path.steps.last == .key("done") {
                        other.append((c.new == .bool(true) ? "ticked" : "unticked") + " “\(b.custom.first { $0.id.rawValue == c.path.lastItem }?.text ?? name)”")
                    } else if c.path.steps.last == .key("text") {
                        other.append("reworded “\(c.old?.stringValue ?? "")” as “\(c.new?.stringValue ?? "")”")
                    } else {
                        other.append("changed \(c.path)")
                    }
                default: other.append("changed \(c.path)")
                }
            }
            out.append(StageChange(stage: key, title: catalogue?[key].title ?? key.label, before: before, after: after,
                                   ticked: ticked, unticked: unticked, other: other))
        }
        return (out, totals)
    }

    static func progress(_ d: Design, _ key: StageKey, _ catalogue: StageCatalogue?) -> ChecklistCount {
        if let catalogue, !catalogue.stages.isEmpty {
            let p = d.progress(of: key, in: catalogue)
            return ChecklistCount(done: p.done, total: p.total)
        }
        // Without a catalogue only what the design holds can be counted.
        let s = d.stage(key)
        return ChecklistCount(done: s.done.count + s.custom.filter(\.done).count, total: s.done.count + s.custom.count)
    }

    // MARK: summary

    /// Items (other than checklist stages) added, removed and changed.
    var itemCounts: (added: Int, removed: Int, changed: Int) {
        (diff.added.filter { $0.list != "stages" }.count, diff.removed.filter { $0.list != "stages" }.count,
         diff.changed.filter { $0.list != "stages" }.count)
    }

    /// One line: "2 added, 1 removed, 3 changed; 1 status change; checklist 40/86 → 43/86; design: title".
    public var summary: String {
        if diff.isEmpty { return "no differences" }
        let n = itemCounts
        var parts: [String] = []
        if n.added + n.removed + n.changed > 0 {
            parts.append("\(n.added) added, \(n.removed) removed, \(n.changed) changed")
        }
        if !statusChanges.isEmpty {
            parts.append("\(statusChanges.count) status change" + (statusChanges.count == 1 ? "" : "s"))
        }
        if !checklist.isEmpty {
            let (b, a) = checklistTotals
            parts.append("checklist \(b.0)/\(b.1) → \(a.0)/\(a.1)")
        }
        if !diff.document.isEmpty {
            let fields = Set(diff.document.compactMap { c -> String? in
                if case .key(let k)? = c.path.steps.first { return k }
                return nil
            }).sorted()
            parts.append("design fields: " + fields.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    /// Top-level lists with added, removed or changed items, in the order of `ItemKinds.all`
    /// and then by key; the checklist (`stages`) has its own section.
    var listsInOrder: [String] {
        var lists = Set(diff.added.map(\.list) + diff.removed.map(\.list) + diff.changed.map(\.list))
        lists.remove("stages")
        let known = ItemKinds.all.map(\.list).filter(lists.contains)
        return known + lists.subtracting(known).sorted()
    }
}

/// Sections other parts of sysdraft add to the diff listing. A feature adds one line here
/// (e.g. estimates whose computed value changed, once estimates can be evaluated).
public typealias DiffSectionProvider = @Sendable (_ old: Design, _ new: Design) -> DiffSection?

public enum DiffExtras {
    public static let sections: [DiffSectionProvider] = [
    ]
}
