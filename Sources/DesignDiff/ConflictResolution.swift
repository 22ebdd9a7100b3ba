import DesignModel

/// Resolving a merge conflict recorded in a design: take ours, take theirs, or write the value.
/// Pure: a design in, a design out, or an error saying why the choice cannot be applied (the
/// design is then unchanged). The workspace's resolution screen and `sysdraft resolve` use it.
public enum ConflictResolution {
    public enum Choice: Equatable, Sendable {
        case ours
        case theirs
        case base
        /// A value written by hand, as JSON text (`"Redis"`, `["a","b"]`, `null` or `{…}`);
        /// for a whole item, the item's JSON object.
        case value(String)
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The design with the conflict's path set to the chosen value and the conflict removed.
    public static func resolve(_ design: Design, _ id: ItemID<MergeConflict>, _ choice: Choice) throws(Failure) -> Design {
        guard let conflict = design.conflicts.first(where: { $0.id == id }) else {
            throw Failure(description: "no conflict \(id) in this design")
        }
        let text: String?
        switch choice {
        case .ours: text = conflict.ours
        case .theirs: text = conflict.theirs
        case .base: text = conflict.base
        case .value(let t): text = t
        }
        var value: JSONValue?
        if let text {
            do { value = try JSONValue.parse(text) } catch {
                throw Failure(description: "the value is not JSON: \(error)")
            }
        }
        guard let path = TreePath(parsing: conflict.path) ?? (conflict.path.isEmpty ? TreePath() : nil) else {
            throw Failure(description: "conflict \(id) has a path sysdraft cannot read: \(conflict.path)")
        }
        var tree: JSONValue
        do { tree = try design.canonicalJSON() } catch {
            throw Failure(description: "the design could not be encoded: \(error)")
        }
        if path.isEmpty {
            // The whole design: keep the other conflicts (minus this one) on the chosen version.
            guard case .object? = value else { throw Failure(description: "the whole design must be a JSON object") }
            tree = value!
            var others = design.conflicts.filter { $0.id != id }
            if let list = tree["conflicts"]?.arrayValue, !list.isEmpty {
                let theirs = (try? Design(json: tree))?.conflicts ?? []
                others = theirs.filter { t in !others.contains { $0.id == t.id } } + others
            }
            return try finish(tree, conflicts: others, path: conflict.path)
        }
        if case .item? = path.steps.last, let v = value {
            // A whole item must keep its id: the path says which item it is.
            guard case .object = v else { throw Failure(description: "an item must be a JSON object") }
        }
        guard tree.setValue(value, at: path) else {
            throw Failure(description: "\(conflict.path) no longer exists in the design (its item was deleted?)")
        }
        return try finish(tree, conflicts: design.conflicts.filter { $0.id != id }, path: conflict.path)
    }

    /// Resolves every conflict the same way, in order; stops at the first that cannot be applied.
    public static func resolveAll(_ design: Design, _ choice: Choice) throws(Failure) -> Design {
        var d = design
        for c in design.conflicts { d = try resolve(d, c.id, choice) }
        return d
    }

    /// Resolves every conflict it can the same way, as `resolveAll`, but without stopping at a
    /// refusal: a choice refused now may apply once another conflict is settled (a flow's
    /// component comes back), so refused ones are tried again while any round makes progress.
    /// Returns the design and the conflicts still refused, each with its reason.
    public static func resolveEach(_ design: Design, _ choice: Choice) -> (design: Design, refused: [(id: ItemID<MergeConflict>, reason: Failure)]) {
        var d = design
        var pending = design.conflicts.map(\.id)
        while true {
            var refused: [(id: ItemID<MergeConflict>, reason: Failure)] = []
            for id in pending {
                do throws(Failure) { d = try resolve(d, id, choice) } catch { refused.append((id, error)) }
            }
            if refused.isEmpty || refused.count == pending.count { return (d, refused) }
            pending = refused.map(\.id)
        }
    }

    private static func finish(_ tree: JSONValue, conflicts: [MergeConflict], path: String) throws(Failure) -> Design {
        var tree = tree
        var list: [JSONValue] = []
        for c in conflicts {
            guard let v = try? DesignMerger.json(c) else { continue }
            list.append(v)
        }
        tree.setValue(.array(list), at: TreePath([.key("conflicts")]))
        do {
            return try Design(json: tree)
        } catch {
            throw Failure(description: "that choice leaves the design inconsistent, so it was not applied: "
                + error.description.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: " "))
        }
    }
}
