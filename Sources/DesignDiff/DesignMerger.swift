import DesignModel

/// What a merge produced.
public struct MergeOutcome: Sendable {
    /// The merged design, with this merge's conflicts added to `conflicts`.
    public var design: Design
    /// The conflicts this merge found (a subset of `design.conflicts`, which may also hold
    /// unresolved ones from either side).
    public var newConflicts: [MergeConflict]
    /// Ids theirs added that ours had also used for something else, and their new ids.
    public var renamed: [Renamed]

    /// True when the merged design has no unresolved conflicts at all.
    public var isClean: Bool { design.conflicts.isEmpty }
}

/// Three-way merge of designs by item id.
///
/// - Items are matched by id in every list of items (nested ones too); other values by key.
/// - A value changed on one side only takes that change; changed the same way on both, once.
/// - Lists of distinct values (checklist done keys, pros and cons) merge as sets: ours, minus
///   what theirs removed, plus what theirs added; kept sorted when both sides were sorted.
/// - Order: ours, unless ours kept the base order and theirs reordered; items only on the
///   other side go after the item that precedes them there (after ours' additions at that spot).
/// - `modified` takes the later time.
/// - Ids both sides added for different items: theirs is renamed (see `IDCollisions`).
/// - Conflicts, each recorded in `Design.conflicts` with base, ours and theirs as JSON:
///   a value changed differently on both sides (the design has ours; text is never merged
///   line by line); an item deleted on one side and changed on the other (the design keeps
///   the changed item); an item deleted on one side that the merged design still refers to
///   (the design keeps it). If the result still breaks a rule of the model, the design is
///   ours whole, with one conflict holding base, ours and theirs whole.
public enum DesignMerger {
    public static func merge(base: Design, ours: Design, theirs: Design) throws -> MergeOutcome {
        let trees = try CanonicalTrees.of([base, ours, theirs])
        let b = trees[0], o = trees[1]
        var t = trees[2]
        var allocator = IDAllocator(TreeItemIndex(b).allIDs)
        for id in TreeItemIndex(o).allIDs { allocator.note(id) }
        for id in TreeItemIndex(t).allIDs { allocator.note(id) }
        let renamed = IDCollisions.renameTheirs(base: b, ours: o, theirs: &t, allocator: &allocator)

        var tree = TreeMerge()
        var merged = tree.merge(b, o, t, at: TreePath()) ?? o
        var pending = tree.conflicts
        DanglingReferences.restore(&merged, base: b, ours: o, theirs: t, conflicts: &pending)

        let records = Self.records(pending, allocator: &allocator)
        if !records.isEmpty {
            var list = merged["conflicts"]?.arrayValue ?? []
            for r in records { list.append(try Self.json(r)) }
            merged.setValue(.array(list), at: TreePath([.key("conflicts")]))
        }
        do {
            let design = try Design(json: merged)
            return MergeOutcome(design: design, newConflicts: records, renamed: renamed)
        } catch {
            // A rule the item-by-item merge cannot see: keep ours, and all three whole.
            var design = ours
            let record = MergeConflict(
                id: ItemID(allocator.fresh(like: "conflict-0")), reason: .inconsistent, path: "", item: "",
                base: b.compactText(), ours: o.compactText(), theirs: t.compactText(),
                note: "merging item by item gave an inconsistent design (\(Self.firstLine(error))); the design is ours, theirs is kept whole in this record")
            design.conflicts.append(record)
            return MergeOutcome(design: design, newConflicts: [record], renamed: renamed)
        }
    }

    static func firstLine(_ error: Error) -> String {
        let text = "\(error)"
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.prefix(3).joined(separator: " ")
    }

    static func records(_ pending: [PendingConflict], allocator: inout IDAllocator) -> [MergeConflict] {
        pending.map { p in
            MergeConflict(id: ItemID(allocator.fresh(like: "conflict-0")), reason: p.reason, path: p.path.description,
                          item: p.path.firstItem ?? "", base: p.base?.compactText(), ours: p.ours?.compactText(),
                          theirs: p.theirs?.compactText(), note: p.note)
        }
    }

    static func json(_ c: MergeConflict) throws -> JSONValue {
        var d = Design(title: "", now: .init(timeIntervalSince1970: 0))
        d.conflicts = [c]
        return try d.canonicalJSON()["conflicts"]?.arrayValue?.first ?? .null
    }
}
