import DesignModel

/// A conflict found while merging, before it gets its id in the design.
public struct PendingConflict: Equatable, Sendable {
    public var reason: MergeConflict.Reason
    public var path: TreePath
    public var base: JSONValue?
    public var ours: JSONValue?
    public var theirs: JSONValue?
    public var note: String
}

/// An id that both sides added for different items: theirs was renamed.
public struct Renamed: Equatable, Sendable {
    public var list: TreePath
    public var from: String
    public var to: String
}

/// The three-way merge of design trees, item by item (see `DesignMerger` for the rules).
struct TreeMerge {
    var conflicts: [PendingConflict] = []

    // MARK: values

    /// Merges one value. Absent (nil) is a value: a field cleared or an item deleted.
    mutating func merge(_ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?, at path: TreePath) -> JSONValue? {
        if o == t { return o }
        if b == o { return t }
        if b == t { return o }
        switch (o, t) {
        case (.object(let om)?, .object(let tm)?):
            let bm = b?.objectValue ?? []
            var out: [JSONMember] = []
            for key in Set(bm.map(\.key)).union(om.map(\.key)).union(tm.map(\.key)).sorted() {
                if path.isEmpty, let special = mergeBookkeeping(key, JSONMember.find(key, in: om), JSONMember.find(key, in: tm)) {
                    out.append(JSONMember(key, special))
                    continue
                }
                let bv = JSONMember.find(key, in: bm), ov = JSONMember.find(key, in: om), tv = JSONMember.find(key, in: tm)
                // The common cases without building the path.
                let settled: JSONValue?? = ov == tv ? .some(ov) : bv == ov ? .some(tv) : bv == tv ? .some(ov) : nil
                if let v = settled ?? merge(bv, ov, tv, at: path.appending(key: key)) {
                    out.append(JSONMember(key, v))
                }
            }
            return .object(out)
        case (.array(let ol)?, .array(let tl)?):
            let bl = b?.arrayValue ?? []
            if case .key(let list)? = path.steps.last, let field = ListShape.keyField(list: list, versions: [bl, ol, tl]) {
                return .array(mergeItems(bl, ol, tl, field: field, at: path))
            }
            if ListShape.isScalarSet([bl, ol, tl]) {
                return .array(Self.mergeSet(bl, ol, tl))
            }
        default:
            break
        }
        conflicts.append(PendingConflict(reason: .bothChanged, path: path, base: b, ours: o, theirs: t,
                                         note: Self.bothChangedNote(b, o, t)))
        return o
    }

    /// `modified` is the later of the two; `schemaVersion` is ours (both are read at the current one).
    func mergeBookkeeping(_ key: String, _ o: JSONValue?, _ t: JSONValue?) -> JSONValue? {
        switch key {
        case "modified":
            guard let a = o?.stringValue, let b = t?.stringValue else { return o ?? t }
            return .string(max(a, b))
        case "schemaVersion":
            return o ?? t
        default:
            return nil
        }
    }

    static func bothChangedNote(_ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?) -> String {
        switch (o, t) {
        case (nil, _): return "cleared on ours, changed on theirs; the design has ours"
        case (_, nil): return "changed on ours, cleared on theirs; the design has ours"
        default: return b == nil ? "added differently on both sides; the design has ours"
            : "changed differently on both sides; the design has ours"
        }
    }

    // MARK: lists of items

    mutating func mergeItems(_ bl: [JSONValue], _ ol: [JSONValue], _ tl: [JSONValue], field: String,
                             at path: TreePath) -> [JSONValue] {
        let b = Self.index(bl, field), o = Self.index(ol, field), t = Self.index(tl, field)
        var kept: [String: JSONValue] = [:]
        kept.reserveCapacity(max(ol.count, tl.count))
        let kind = ItemKinds.kind(forList: path.steps.last.flatMap { if case .key(let k) = $0 { k } else { nil } } ?? "")
        for id in Self.orderedUnion(ol, tl, bl, field) {
            let bi = b[id].map { bl[$0] }, oi = o[id].map { ol[$0] }, ti = t[id].map { tl[$0] }
            var itemPath: TreePath { path.appending(item: id) }
            switch (bi, oi, ti) {
            case (_, let x?, let y?):
                if x == y { kept[id] = x; continue }
                if bi == x { kept[id] = y; continue }
                if bi == y { kept[id] = x; continue }
                if let v = merge(bi, x, y, at: itemPath) { kept[id] = v }
            case (let base?, let x?, nil):
                if x == base { continue }   // deleted by theirs, untouched by ours
                kept[id] = x
                conflicts.append(PendingConflict(reason: .deletedAndChanged, path: itemPath, base: base, ours: x, theirs: nil,
                    note: "\(kind.singular) \(id) was changed on ours and deleted on theirs; the design keeps ours"))
            case (let base?, nil, let y?):
                if y == base { continue }   // deleted by ours, untouched by theirs
                kept[id] = y
                conflicts.append(PendingConflict(reason: .deletedAndChanged, path: itemPath, base: base, ours: nil, theirs: y,
                    note: "\(kind.singular) \(id) was deleted on ours and changed on theirs; the design keeps theirs"))
            case (nil, let x?, nil): kept[id] = x
            case (nil, nil, let y?): kept[id] = y
            default: continue               // deleted on both sides
            }
        }
        let order = Self.mergedOrder(base: bl.map { ListShape.key($0, field) }, ours: ol.map { ListShape.key($0, field) },
                                     theirs: tl.map { ListShape.key($0, field) }, kept: Set(kept.keys))
        return order.compactMap { kept[$0] }
    }

    static func index(_ items: [JSONValue], _ field: String) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { out[ListShape.key(item, field)] = i }
        return out
    }

    static func orderedUnion(_ a: [JSONValue], _ b: [JSONValue], _ c: [JSONValue], _ field: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for list in [a, b, c] {
            for item in list {
                let id = ListShape.key(item, field)
                if seen.insert(id).inserted { out.append(id) }
            }
        }
        return out
    }

    /// The order of a merged list. Ours is the skeleton unless ours kept the base order of the
    /// items all three share and theirs changed it (then theirs is). Items only in the other
    /// side's list go right after the item that precedes them there, after any items the
    /// skeleton side added at that spot (so at one spot ours' additions come before theirs');
    /// items the other side added after everything else go at the end.
    static func mergedOrder(base: [String], ours: [String], theirs: [String], kept: Set<String>) -> [String] {
        let inOurs = Set(ours), inTheirs = Set(theirs)
        let common = Set(base).intersection(inOurs).intersection(inTheirs)
        let baseOrder = base.filter(common.contains), ourOrder = ours.filter(common.contains)
        let theirOrder = theirs.filter(common.contains)
        let theirsLeads = ourOrder == baseOrder && theirOrder != baseOrder
        let skeleton = (theirsLeads ? theirs : ours).filter(kept.contains)
        let other = theirsLeads ? ours : theirs
        let inSkeleton = Set(skeleton)
        let inOther = theirsLeads ? inOurs : inTheirs
        // Each inserted item hangs after its anchor: the nearest kept item before it in the
        // other list ("" = the start) — or, when nothing of the skeleton follows it there (it
        // was added at the end), the end.
        let end = "\u{0}end"
        var appended = Set<String>()
        var skeletonFollows = false
        for id in other.reversed() where kept.contains(id) {
            if inSkeleton.contains(id) { skeletonFollows = true } else if !skeletonFollows { appended.insert(id) }
        }
        var groups: [String: [String]] = [:]
        var anchorOf: [String: String] = [:]
        var lastKept = ""
        for id in other {
            guard kept.contains(id) else { continue }
            if !inSkeleton.contains(id) {
                let anchor = appended.contains(id) ? end
                    : (inSkeleton.contains(lastKept) || lastKept.isEmpty ? lastKept : (anchorOf[lastKept] ?? ""))
                anchorOf[id] = anchor
                groups[anchor, default: []].append(id)
            }
            lastKept = id
        }
        var out: [String] = []
        out.reserveCapacity(kept.count)
        var pending: [[String]] = groups[""].map { [$0] } ?? []
        for id in skeleton {
            if inOther.contains(id) {
                for g in pending { out += g }
                pending.removeAll()
            }
            out.append(id)
            if let g = groups[id] { pending.append(g) }
        }
        for g in pending { out += g }
        out += groups[end] ?? []
        // Anything kept but placed nowhere (not expected) goes at the end, in a stable order.
        if out.count < kept.count {
            let placed = Set(out)
            out += (ours + theirs).filter { kept.contains($0) && !placed.contains($0) }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
        }
        return out
    }

    // MARK: lists of scalars

    /// Distinct scalars (checklist keys, pros): ours, minus what theirs removed, plus what
    /// theirs added (placed as for items). Sorted when every side was sorted.
    static func mergeSet(_ b: [JSONValue], _ o: [JSONValue], _ t: [JSONValue]) -> [JSONValue] {
        let sb = Set(b), so = Set(o), st = Set(t)
        var kept = Set<JSONValue>()
        for x in so where !(sb.contains(x) && !st.contains(x)) { kept.insert(x) }
        for x in st where !sb.contains(x) { kept.insert(x) }
        let key: (JSONValue) -> String = { $0.compactText() }
        let byKey = Dictionary((b + o + t).map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let order = mergedOrder(base: b.map(key), ours: o.map(key), theirs: t.map(key), kept: Set(kept.map(key)))
        var out = order.compactMap { byKey[$0] }
        if isSorted(b) && isSorted(o) && isSorted(t) { out.sort(by: lessThan) }
        return out
    }

    static func lessThan(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.stringValue, let y = b.stringValue { return x < y }
        return a.compactText() < b.compactText()
    }

    static func isSorted(_ items: [JSONValue]) -> Bool {
        zip(items, items.dropFirst()).allSatisfy { !lessThan($1, $0) }
    }
}
