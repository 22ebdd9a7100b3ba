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
    /// Per row: its expression parsed (or why not).
    private var parsed: [Parsed] = []
    /// Per row: the error its name has (bad or taken), if any.
    private var nameErrors: [CalcError?] = []
    /// Per row: what is wrong with its name on its own (`nameProblem`), kept so that adding or
    /// deleting a row checks only that row's name against the reserved words.
    private var nameProblems: [CalcError?] = []
    /// Per row: the row each of its expression's names refers to (-1: no such estimate).
    private var references: [[Int]] = []
    /// Per row: its value, where its status is a value (read by the rows that use it).
    private var values: [Quantity] = []

    private enum Parsed: Sendable {
        case ok(Expression)
        case failed(CalcError)

        init(_ text: String) {
            do { self = .ok(try Expression.parse(text)) } catch { self = .failed(error) }
        }
    }

    public init(_ rows: [Row] = []) { update(rows) }

    /// The status of the row named `name`, if there is one.
    public subscript(name: String) -> Status? { indexByName[name].map { statuses[$0] } }

    /// The parsed expression of row `i` (nil when it does not parse).
    public func expression(at i: Int) -> Expression? {
        if case .ok(let e) = parsed[i] { return e }
        return nil
    }

    /// The rows row `i`'s expression refers to, in order of first use (names that are no
    /// estimate are left out).
    public func rowsUsed(by i: Int) -> [Int] { references[i].filter { $0 >= 0 } }

    /// The rows whose expressions refer to row `i` directly, in row order.
    public func rowsUsing(_ i: Int) -> [Int] {
        var out: [Int] = []
        for (k, refs) in references.enumerated() where refs.contains(i) { out.append(k) }
        return out
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

    /// Recomputes the sheet for `newRows`. A row whose expression text is unchanged keeps its
    /// parse; names are checked again only when one changed.
    public mutating func update(_ newRows: [Row]) {
        let old = rows
        var changed = [Bool](repeating: false, count: newRows.count)
        var problemsKept = false
        var oneRow: (at: Int, added: Bool)?
        if old.count == newRows.count {
            // Rows edited in place (a keystroke): parse just the expressions that changed.
            for i in newRows.indices where old[i].expression != newRows[i].expression {
                parsed[i] = Parsed(newRows[i].expression)
                changed[i] = true
            }
        } else if let k = Self.oneRowInsertedOrRemoved(old, newRows) {
            // One row added or deleted (the common case): keep every other parse where it is.
            if newRows.count > old.count {
                parsed.insert(Parsed(newRows[k].expression), at: k)
                nameProblems.insert(Self.nameProblem(newRows[k].name), at: k)
            } else {
                parsed.remove(at: k)
                nameProblems.remove(at: k)
            }
            problemsKept = nameProblems.count == newRows.count
            oneRow = (k, newRows.count > old.count)
            for i in newRows.indices { changed[i] = true }
        } else {
            // Rows inserted, deleted or moved: find earlier parses by their text.
            var byText: [String: Parsed] = [:]
            for (k, o) in old.enumerated() { byText[o.expression] = parsed[k] }
            parsed = newRows.map { byText[$0.expression] ?? Parsed($0.expression) }
            for i in newRows.indices { changed[i] = true }
        }
        let namesChanged = old.count != newRows.count || zip(old, newRows).contains { $0.name != $1.name }
        rows = newRows
        if nameProblems.count != rows.count {
            nameProblems = rows.map { Self.nameProblem($0.name) }
        } else if namesChanged && !problemsKept {
            for i in rows.indices where i >= old.count || old[i].name != rows[i].name { nameProblems[i] = Self.nameProblem(rows[i].name) }
        }
        let previous = (references: references, nameErrors: nameErrors)
        if namesChanged { checkNames() }
        for i in rows.indices where namesChanged || changed[i] || i >= references.count {
            if i >= references.count { references.append([]) }
            if case .ok(let e) = parsed[i] {
                references[i] = e.names.map { indexByName[$0] ?? -1 }
            } else {
                references[i] = []
            }
        }
        references.removeLast(max(0, references.count - rows.count))
        // Same names, expressions edited in place: only the edited rows and the rows that use
        // them (directly or through others) can change.
        var edited = namesChanged || old.count != newRows.count ? nil : newRows.indices.filter { changed[$0] }
        if let oneRow, statuses.count == old.count, values.count == old.count, previous.references.count == old.count {
            edited = alignAfter(oneRow, previous: previous)
        }
        recompute(edited: edited)
    }

    /// After one row was added or deleted at `change.at`: moves the kept statuses and values to
    /// the rows' new positions and returns the rows to evaluate again: the added row, rows whose
    /// references or name errors changed (a row that used the deleted one, a name now taken
    /// twice), and rows naming an unknown estimate (the suggestion in their error may change).
    private mutating func alignAfter(_ change: (at: Int, added: Bool),
                                     previous: (references: [[Int]], nameErrors: [CalcError?])) -> [Int] {
        let k = change.at
        // Old position → new position (-2: the deleted row).
        func moved(_ j: Int) -> Int { change.added ? (j < k ? j : j + 1) : (j < k ? j : (j == k ? -2 : j - 1)) }
        if change.added {
            statuses.insert(.dependsOnError([]), at: k)
            values.insert(Quantity(0), at: k)
        } else {
            statuses.remove(at: k)
            values.remove(at: k)
        }
        var edited: [Int] = change.added ? [k] : []
        for i in rows.indices where !(change.added && i == k) {
            let j = change.added ? (i < k ? i : i - 1) : (i < k ? i : i + 1)
            let before = previous.references[j].map { $0 < 0 ? -1 : moved($0) }
            if before != references[i] || previous.nameErrors[j] != nameErrors[i] || references[i].contains(-1) {
                edited.append(i)
            }
        }
        return edited
    }

    /// The position of the one row that `new` has and `old` has not (or the other way round),
    /// when the rest are the same rows in the same order.
    public static func oneRowInsertedOrRemoved(_ old: [Row], _ new: [Row]) -> Int? {
        guard abs(old.count - new.count) == 1 else { return nil }
        let (long, short) = old.count > new.count ? (old, new) : (new, old)
        var k = 0
        while k < short.count && short[k] == long[k] { k += 1 }
        var i = k
        while i < short.count && short[i] == long[i + 1] { i += 1 }
        return i == short.count ? k : nil
    }

    /// Changes one row's expression (or name) and recomputes.
    public mutating func set(_ row: Row, at i: Int) {
        var r = rows
        r[i] = row
        update(r)
    }

    /// What is wrong with a name on its own (not a word, or reserved for a unit or function).
    static func nameProblem(_ name: String) -> CalcError? {
        if !ReservedNames.isIdentifier(name) {
            let reason = name.isEmpty ? "it is empty" : "use letters, digits and _, starting with a letter or _"
            return CalcError(.badName(name, reason: reason), column: nil)
        }
        if let why = ReservedNames.reason(name) { return CalcError(.badName(name, reason: why), column: nil) }
        return nil
    }

    private mutating func checkNames() {
        indexByName = [:]
        indexByName.reserveCapacity(rows.count)
        nameErrors = []
        nameErrors.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() {
            if let problem = nameProblems[i] {
                nameErrors.append(problem)
            } else if indexByName[r.name] != nil {
                nameErrors.append(CalcError(.duplicateName(r.name), column: nil))
            } else {
                indexByName[r.name] = i
                nameErrors.append(nil)
            }
        }
    }

    /// The rows that use any of `start`, directly or through others, and those rows themselves.
    private func usersOf(_ start: [Int]) -> [Bool] {
        let n = rows.count
        // Who uses each row, as one flat list (offsets per row): no array per row.
        var offset = [Int](repeating: 0, count: n + 1)
        for refs in references { for d in refs where d >= 0 { offset[d + 1] += 1 } }
        for i in 0..<n { offset[i + 1] += offset[i] }
        var fill = offset
        var users = [Int](repeating: 0, count: offset[n])
        for (i, refs) in references.enumerated() {
            for d in refs where d >= 0 {
                users[fill[d]] = i
                fill[d] += 1
            }
        }
        var marked = [Bool](repeating: false, count: n)
        var queue = start
        for i in start { marked[i] = true }
        while let i = queue.popLast() {
            for k in offset[i]..<offset[i + 1] where !marked[users[k]] {
                marked[users[k]] = true
                queue.append(users[k])
            }
        }
        return marked
    }

    /// Evaluates the rows. `edited`: when only these rows' expressions changed since the last
    /// recompute (same names), the other rows that do not use them keep their status and value.
    private mutating func recompute(edited: [Int]? = nil) {
        let n = rows.count
        var status = [Status?](repeating: nil, count: n)
        let affected = edited.flatMap { e in values.count == n && statuses.count == n ? usersOf(e) : nil }
        for i in 0..<n {
            if let affected, !affected[i] {
                status[i] = statuses[i]
            } else if let e = nameErrors[i] {
                status[i] = .error(e)
            } else if case .failed(let e) = parsed[i] {
                status[i] = .error(e)
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
                if top.next < references[top.row].count {
                    stack[stack.count - 1].next += 1
                    let d = references[top.row][top.next]
                    if d < 0 { continue }
                    if state[d] == 0 {
                        state[d] = 1
                        stack.append((d, 0))
                    } else if state[d] == 1 {
                        markCycle(from: d, stack: stack, into: &status)
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
        if affected == nil { values = [Quantity](repeating: Quantity(0), count: n) }
        var scratch: [Quantity] = []
        scratch.reserveCapacity(16)
        for i in order {
            if status[i] != nil { continue }
            guard case .ok(let e) = parsed[i] else { continue }
            let refs = references[i]
            var roots: [String] = []
            for d in refs where d >= 0 {
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
            do {
                let q = try values.withUnsafeBufferPointer { v throws(CalcError) in
                    try e.evaluate({ k in refs[k] >= 0 ? v[refs[k]] : nil }, stack: &scratch)
                }
                values[i] = q
                status[i] = .value(q)
            } catch {
                status[i] = .error(withSuggestion(error))
            }
        }
        statuses = status.map { $0 ?? .error(CalcError(.syntax("not evaluated"), column: nil)) }
    }

    /// Marks every row of the cycle that closes at `start` (on the DFS stack) with a cycle error
    /// naming the rows in order; the column is where the row refers to the next one.
    private func markCycle(from start: Int, stack: [(row: Int, next: Int)], into status: inout [Status?]) {
        guard let from = stack.firstIndex(where: { $0.row == start }) else { return }
        let members = stack[from...].map(\.row)
        let names = members.map { rows[$0].name }
        for (k, row) in members.enumerated() {
            if case .error? = status[row] { continue }
            let next = members[(k + 1) % members.count]
            var column: Int?
            if let e = expression(at: row), let j = references[row].firstIndex(of: next) { column = e.column(ofName: j) }
            let rotated = Array(names[k...] + names[..<k])
            status[row] = .error(CalcError(.cycle(rotated), column: column))
        }
    }

    /// An unknown name with no hint of its own gets the closest estimate name, when one is
    /// close: one edit away (a letter wrong, missing, extra, or two swapped) for short names,
    /// two for names of five letters or more (`dua` → `dau`, `peak_red_qps` → `peak_read_qps`).
    func withSuggestion(_ error: CalcError) -> CalcError {
        guard case .unknownName(let name, nil) = error.kind else { return error }
        let limit = name.utf8.count >= 5 ? 2 : 1
        var best: (name: String, distance: Int)?
        for candidate in indexByName.keys {
            let d = Self.editDistance(name, candidate, limit: limit)
            guard d <= limit else { continue }
            if let b = best, d > b.distance || (d == b.distance && candidate > b.name) { continue }
            best = (candidate, d)
        }
        guard let best else { return error }
        return CalcError(.unknownName(name, hint: best.name), column: error.column)
    }

    /// Edit distance counting a swap of neighbouring letters as one edit; anything above
    /// `limit` comes back as `limit + 1`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            var rowMin = Int.max
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { v = Swift.min(v, d[i - 2][j - 2] + 1) }
                d[i][j] = v
                rowMin = Swift.min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
        }
        return d[x.count][y.count]
    }

    /// Evaluates an expression that may use this sheet's estimates (a flow's rate, a component's
    /// capacity): its value, its own error, or the estimates with errors it depends on.
    public func evaluate(_ text: String) -> (status: Status, expression: Expression?) {
        let e: Expression
        do { e = try Expression.parse(text) } catch { return (.error(error), nil) }
        return (evaluate(e), e)
    }

    /// Evaluates an expression parsed already (see `ParseCache`) over this sheet's estimates.
    public func evaluate(_ e: Expression) -> Status {
        var roots: [String] = []
        for name in e.names {
            switch self[name] {
            case .error?: roots.append(name)
            case .dependsOnError(let r)?: roots.append(contentsOf: r)
            default: break
            }
        }
        if !roots.isEmpty { return .dependsOnError(Array(Set(roots)).sorted()) }
        do {
            return .value(try e.evaluate { k in self[e.names[k]]?.quantity })
        } catch {
            return .error(withSuggestion(error))
        }
    }
}
