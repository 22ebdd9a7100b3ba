import DesignModel

/// The difference between two versions of a design, as timeline entries (without time and
/// phase, which the session adds): items added, changed and removed in every item list, notes
/// and checklist changes per stage, and changes to the title and problem statement.
public struct DesignChange: Equatable, Sendable {
    public var change: InterviewRecord.Activity.Change
    public var list: String
    public var id: String
    public var text: String
    public var tags: [ActivityTag]
    /// All the text of the item, to check against the curveball.
    public var fullText: String
}

public enum DesignActivity {
    public static func changes(from old: Design, to new: Design) -> [DesignChange] {
        var out: [DesignChange] = []
        if old.title != new.title {
            out.append(DesignChange(change: .changed, list: "design", id: "title", text: "title: " + DesignItems.oneLine(new.title),
                                    tags: [], fullText: new.title))
        }
        if old.problem != new.problem {
            out.append(DesignChange(change: .changed, list: "design", id: "problem",
                                    text: "problem: " + DesignItems.oneLine(new.problem), tags: [], fullText: new.problem))
        }
        let before = DesignItems.lists(old)
        for (key, newList) in DesignItems.lists(new) {
            guard let oldList = before.first(where: { $0.key == key })?.value,
                  let (oldMid, newMid) = newList.changedMiddle(since: oldList) else { continue }
            out += listChanges(key, oldMid, newMid, old, new)
        }
        out += stageChanges(old.stages, new.stages)
        return out
    }

    /// Changes among the items that differ (the common head and tail of the list already cut off).
    static func listChanges(_ key: String, _ oldMid: [Any], _ newMid: [Any], _ oldDesign: Design, _ newDesign: Design) -> [DesignChange] {
        let oldItems = oldMid.map { DesignItems.item(key, $0, oldDesign) }
        let newItems = newMid.map { DesignItems.item(key, $0, newDesign) }
        var oldByID: [String: Int] = [:]
        for (i, item) in oldItems.enumerated() where oldByID[item.id] == nil { oldByID[item.id] = i }
        let present = Set(newItems.map(\.id))
        var out: [DesignChange] = []
        for (j, item) in newItems.enumerated() {
            if let i = oldByID[item.id] {
                guard !same(oldMid[i], newMid[j]) else { continue }  // moved, not changed
                out.append(change(.changed, item))
            } else {
                out.append(change(.added, item))
            }
        }
        for item in oldItems where !present.contains(item.id) {
            out.append(DesignChange(change: .removed, list: key, id: item.id, text: item.title, tags: [], fullText: ""))
        }
        return out
    }

    static func change(_ kind: InterviewRecord.Activity.Change, _ item: DesignItem) -> DesignChange {
        DesignChange(change: kind, list: item.list, id: item.id, text: item.title, tags: ActivityTag.tags(of: item),
                     fullText: item.text)
    }

    static func stageChanges(_ old: [StageState], _ new: [StageState]) -> [DesignChange] {
        var out: [DesignChange] = []
        for s in new {
            let o = old.first { $0.stage == s.stage } ?? StageState(stage: s.stage)
            if o == s { continue }
            if o.notes != s.notes {
                let added = inserted(o.notes, s.notes)
                let what = added.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "notes edited"
                    : "notes: " + DesignItems.oneLine(added, limit: 50)
                out.append(DesignChange(change: o.notes.isEmpty ? .added : .changed, list: "stages", id: s.stage.rawValue,
                                        text: what, tags: ActivityTag.tags(ofNotes: added, in: s.stage), fullText: added))
            }
            let ticked = Set(s.done).subtracting(o.done).sorted(), unticked = Set(o.done).subtracting(s.done).sorted()
            for key in ticked {
                out.append(DesignChange(change: .changed, list: "checklist", id: key, text: "ticked \(key)", tags: [], fullText: ""))
            }
            for key in unticked {
                out.append(DesignChange(change: .changed, list: "checklist", id: key, text: "unticked \(key)", tags: [], fullText: ""))
            }
            for c in s.custom {
                if let was = o.custom.first(where: { $0.id == c.id }) {
                    if was != c {
                        out.append(DesignChange(change: .changed, list: "checklist", id: c.id.rawValue,
                                                text: DesignItems.oneLine(c.text), tags: [], fullText: c.text))
                    }
                } else {
                    out.append(DesignChange(change: .added, list: "checklist", id: c.id.rawValue, text: DesignItems.oneLine(c.text),
                                            tags: ActivityTag.tags(ofNotes: c.text, in: s.stage).filter { $0 != .tradeOff },
                                            fullText: c.text))
                }
            }
            for c in o.custom where !s.custom.contains(where: { $0.id == c.id }) {
                out.append(DesignChange(change: .removed, list: "checklist", id: c.id.rawValue, text: DesignItems.oneLine(c.text),
                                        tags: [], fullText: ""))
            }
        }
        return out
    }

    /// The text in `new` that is not in `old`: what is left between their common start and end.
    static func inserted(_ old: String, _ new: String) -> String {
        let a = Array(old), b = Array(new)
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        return String(b[p..<(b.count - s)])
    }

    /// Equality of two values of the same (unknown) Equatable type.
    static func same(_ a: Any, _ b: Any) -> Bool {
        guard let x = a as? any Equatable else { return false }
        return x.isEqual(to: b)
    }
}

extension Equatable {
    fileprivate func isEqual(to other: Any) -> Bool {
        guard let o = other as? Self else { return false }
        return self == o
    }
}

/// A list of the design's items, whatever their type: every `[T]` of `Identified`, `Equatable`
/// items is one, so a new kind of item is covered as soon as `Design` holds a list of it.
protocol DesignItemList {
    var allItems: [Any] { get }
    /// The items that differ from `old` (a list of the same type), after cutting off the common
    /// head and tail, compared with the items' own `==`; nil when the lists are equal.
    func changedMiddle(since old: any DesignItemList) -> (old: [Any], new: [Any])?
}

extension Array: DesignItemList where Element: Identified & Equatable {
    var allItems: [Any] { map { $0 } }

    func changedMiddle(since old: any DesignItemList) -> (old: [Any], new: [Any])? {
        guard let old = old as? [Element] else { return ([], allItems) }
        if old == self { return nil }
        var head = 0
        while head < old.count && head < count && old[head] == self[head] { head += 1 }
        var tail = 0
        while tail < old.count - head && tail < count - head && old[old.count - 1 - tail] == self[count - 1 - tail] { tail += 1 }
        return (old[head..<(old.count - tail)].map { $0 }, self[head..<(count - tail)].map { $0 })
    }
}
