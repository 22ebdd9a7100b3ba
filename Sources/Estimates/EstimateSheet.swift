/// Named estimates that refer to each other, evaluated in dependency order.
///
/// Built for a screen that recomputes on every keystroke: `update` re-parses only expressions
/// whose text changed (parses are cached by text) and re-evaluates the whole sheet, which is
/// cheap (see BENCHMARKS.md). Each row ends up with a value, its own error (parse, dimension,
/// unknown name, division by zero, overflow, a cycle, a bad or duplicate name), or a note that
/// it depends on rows that have errors.
public struct EstimateSheet: Sendable {
    public struct Row: Equatable, Sendable {
        public var name: String
        public var expression: String

        public init(name: String, expression: String) {
            self.name = name
            self.expression = expression
        }
    }

    public enum Status: Equatable, Sendable {
        case value(Quantity)
        /// The row's own error.
        case error(CalcError)
        /// The row is fine but uses rows with errors (named here, sorted), directly or through others.
        case dependsOnError([String])

        public var quantity: Quantity? {
            if case .value(let q) = self { return q }
            return nil
        }

        public var error: CalcError? {
            if case .error(let e) = self { return e }
            return nil
        }
    }

    public private(set) var rows: [Row] = []
    /// One per row, in row order.
    public private(set) var statuses: [Status] = []
    /// Row index of each valid name (the first row, when a name is used twice).
    public private(set) var indexByName: [String: Int] = [:]
    /// Rows in the order they were evaluated (each after the rows it uses).
    public private(set) var evaluationOrder: [Int] = []
    private var parsed: [String: Parsed] = [:]
    /// Per row: the row index each of its expression's names refers to (-1: no such estimate).
    private var references: [[Int]] = []

    private enum Parsed: Sendable {
        case ok(Expression)
        case failed(CalcError)
    }

    public init(_ rows: [Row] = []) { update(rows) }

    /// The status of the row named `name`, if there is one.
    public subscript(name: String) -> Status? { indexByName[name].map { statuses[$0] } }

    /// The parsed expression of row `i` (nil when it does not parse).
    public func expression(at i: Int) -> Expression? {
        if case .ok(let e)? = parsed[rows[i].expression] { return e }
        return nil
    }

    /// Row `i`'s value as text in its `to` unit or a readable one; the error message; or which
    /// rows' errors it depends on.
    public func displayText(at i: Int, style: ValueFormat.Style = .display) -> String {
        switch statuses[i] {
        case .value(let q): return ValueFormat.show(q, target: expression(at: i)?.target, style: style).text
        case .error(let e): return "error: " + e.description
        case .dependsOnError(let names): return "depends on " + names.joined(separator: ", ") + " (error)"
        }
    }

    /// Recomputes the sheet for `newRows`.
    public mutating func update(_ newRows: [Row]) {
        var cache: [String: Parsed] = [:]
        cache.reserveCapacity(newRows.count)
        for r in newRows where cache[r.expression] == nil {
            if let p = parsed[r.expression] {
                cache[r.expression] = p
            } else {
                do { cache[r.expression] = .ok(try Expression.parse(r.expression)) } catch {
                    cache[r.expression] = .failed(error)
                }
            }
        }
        parsed = cache
        rows = newRows
        recompute()
    }

    /// Changes one row's expression (or name) and recomputes.
    public mutating func set(_ row: Row, at i: Int) {
        var r = rows
        r[i] = row
        update(r)
    }

    private mutating func recompute() {
        let n = rows.count
        var status = [Status?](repeating: nil, count: n)
        indexByName = [:]
        indexByName.reserveCapacity(n)
        for (i, r) in rows.enumerated() {
            if !ReservedNames.isIdentifier(r.name) {
                let reason = r.name.isEmpty ? "it is empty" : "use letters, digits and _, starting with a letter or _"
                status[i] = .error(CalcError(.badName(r.name, reason: reason), column: nil))
            } else if let why = ReservedNames.reason(r.name) {
                status[i] = .error(CalcError(.badName(r.name, reason: why), column: nil))
            } else if indexByName[r.name] != nil {
                status[i] = .error(CalcError(.duplicateName(r.name), column: nil))
            } else {
                indexByName[r.name] = i
            }
        }
        // Parse errors, and each expression's names resolved to rows.
        var exprs = [Expression?](repeating: nil, count: n)
        references = Array(repeating: [], count: n)
        for i in 0..<n {
            switch parsed[rows[i].expression]! {
            case .failed(let e):
                if status[i] == nil { status[i] = .error(e) }
            case .ok(let e):
                exprs[i] = e
                references[i] = e.names.map { indexByName[$0] ?? -1 }
            }
        }
        // Depth-first search for the evaluation order, marking cycles.
        var order: [Int] = []
        order.reserveCapacity(n)
        var state = [UInt8](repeating: 0, count: n)   // 0 new, 1 on the stack, 2 done
        var stack: [(row: Int, next: Int)] = []
        for root in 0..<n where state[root] == 0 {
            stack.append((root, 0))
            state[root] = 1
            while let top = stack.last {
                let refs = references[top.row]
                if top.next < refs.count {
                    stack[stack.count - 1].next += 1
                    let d = refs[top.next]
                    if d < 0 { continue }
                    if state[d] == 0 {
                        state[d] = 1
                        stack.append((d, 0))
                    } else if state[d] == 1 {
                        markCycle(from: d, stack: stack, exprs: exprs, into: &status)
                    }
                } else {
                    state[top.row] = 2
                    order.append(top.row)
                    stack.removeLast()
                }
            }
        }
        evaluationOrder = order
        // Evaluate each row after the rows it uses.
        var values = [Quantity?](repeating: nil, count: n)
        for i in order {
            if status[i] != nil { continue }
            guard let e = exprs[i] else { continue }
            var roots: [String] = []
            for d in references[i] where d >= 0 {
                switch status[d] {
                case .error?: roots.append(rows[d].name)
                case .dependsOnError(let r)?: roots.append(contentsOf: r)
                default: break
                }
            }
            if !roots.isEmpty {
                status[i] = .dependsOnError(Array(Set(roots)).sorted())
                continue
            }
            let refs = references[i]
            do {
                let q = try e.evaluate { k in refs[k] >= 0 ? values[refs[k]] : nil }
                values[i] = q
                status[i] = .value(q)
            } catch {
                status[i] = .error(error)
            }
        }
        statuses = status.map { $0 ?? .error(CalcError(.syntax("not evaluated"), column: nil)) }
    }

    /// Marks every row of the cycle that closes at `start` (on the DFS stack) with a cycle error
    /// naming the rows in order; the column is where the row refers to the next one.
    private func markCycle(from start: Int, stack: [(row: Int, next: Int)], exprs: [Expression?],
                           into status: inout [Status?]) {
        guard let from = stack.firstIndex(where: { $0.row == start }) else { return }
        let members = stack[from...].map(\.row)
        let names = members.map { rows[$0].name }
        for (k, row) in members.enumerated() {
            if case .error? = status[row] { continue }
            let next = members[(k + 1) % members.count]
            var column: Int?
            if let e = exprs[row], let j = references[row].firstIndex(of: next) { column = e.column(ofName: j) }
            let rotated = Array(names[k...] + names[..<k])
            status[row] = .error(CalcError(.cycle(rotated), column: column))
        }
    }

    /// Evaluates an expression that may use this sheet's estimates (a flow's rate, a component's
    /// capacity): its value, its own error, or the estimates with errors it depends on.
    public func evaluate(_ text: String) -> (status: Status, expression: Expression?) {
        let e: Expression
        do { e = try Expression.parse(text) } catch { return (.error(error), nil) }
        var roots: [String] = []
        for name in e.names {
            switch self[name] {
            case .error?: roots.append(name)
            case .dependsOnError(let r)?: roots.append(contentsOf: r)
            default: break
            }
        }
        if !roots.isEmpty { return (.dependsOnError(Array(Set(roots)).sorted()), e) }
        do {
            let q = try e.evaluate { k in self[e.names[k]]?.quantity }
            return (.value(q), e)
        } catch {
            return (.error(error), e)
        }
    }
}
