import DesignModel

/// Reading and writing a design tree at a `TreePath`.
extension JSONValue {
    /// The value at `path`, or nil when any step is missing.
    public func value(at path: TreePath) -> JSONValue? {
        var node: JSONValue = self
        var listKey = ""
        for step in path.steps {
            switch step {
            case .key(let k):
                guard let next = node[k] else { return nil }
                node = next
                listKey = k
            case .item(let id):
                guard let items = node.arrayValue else { return nil }
                let field = ItemKinds.kind(forList: listKey).keyField
                guard let item = items.first(where: { $0[field]?.stringValue == id }) else { return nil }
                node = item
            }
        }
        return node
    }

    /// Sets the value at `path` (nil removes the key or the item). A missing item is appended
    /// to its list; a missing object key is added. Fails (returns false) when a step before the
    /// last does not exist or is not a container.
    @discardableResult
    public mutating func setValue(_ value: JSONValue?, at path: TreePath) -> Bool {
        setValue(value, at: path.steps[...], listKey: "")
    }

    private mutating func setValue(_ value: JSONValue?, at steps: ArraySlice<PathStep>, listKey: String) -> Bool {
        guard let step = steps.first else {
            guard let value else { return false }
            self = value
            return true
        }
        let rest = steps.dropFirst()
        switch step {
        case .key(let k):
            guard case .object(var members) = self else { return false }
            if rest.isEmpty {
                JSONMember.set(k, value, in: &members)
                self = .object(members)
                return true
            }
            guard var child = JSONMember.find(k, in: members) else { return false }
            guard child.setValue(value, at: rest, listKey: k) else { return false }
            JSONMember.set(k, child, in: &members)
            self = .object(members)
            return true
        case .item(let id):
            guard case .array(var items) = self else { return false }
            let field = ItemKinds.kind(forList: listKey).keyField
            let index = items.firstIndex { $0[field]?.stringValue == id }
            if rest.isEmpty {
                switch (index, value) {
                case (let i?, let v?): items[i] = v
                case (let i?, nil): items.remove(at: i)
                case (nil, let v?): items.append(v)
                case (nil, nil): return true
                }
                self = .array(items)
                return true
            }
            guard let i = index else { return false }
            guard items[i].setValue(value, at: rest, listKey: listKey) else { return false }
            self = .array(items)
            return true
        }
    }
}
