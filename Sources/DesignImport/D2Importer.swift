import DesignModel

/// Reads a subset of D2: shapes (`name`, `name: Label`, `a.b` inside containers, blocks
/// `name: Label { … }`), `shape:` and `label:` (in a block or as `name.shape: cylinder`),
/// connections `->`, `<-`, `<->` and `--` with `: label`, chains (`a -> b -> c`), and
/// containers — shapes that hold shapes — as groups. Connections are sync; `--` and `<->` are
/// two-way. Styles, icons, links, tooltips, `near`, `direction`, classes and variables are left
/// out with a note; layers, scenarios, steps, imports and globs with a warning.
public enum D2Importer {
    public static func parse(_ text: String) throws(ImportError) -> ImportedDiagram {
        var p = D2Parser(SourceLines(text))
        p.run()
        return p.finish()
    }

    /// `shape:` values and the kinds they suggest (nil: words in the label decide).
    static let shapes: [String: (kind: Component.Kind, storage: Bool)] = [
        "cylinder": (.database, true), "stored_data": (.database, true), "sql_table": (.database, true),
        "queue": (.queue, false), "person": (.client, false), "c4-person": (.client, false), "cloud": (.external, false),
        "hexagon": (.cdn, false), "page": (.objectStorage, false), "document": (.objectStorage, false),
        "rectangle": (.service, false), "square": (.service, false), "class": (.service, false),
        "package": (.service, false), "step": (.service, false), "oval": (.other, false), "circle": (.other, false),
        "diamond": (.other, false), "parallelogram": (.other, false), "callout": (.other, false),
        "text": (.other, false), "code": (.other, false), "image": (.other, false),
        "sequence_diagram": (.other, false),
    ]

    /// Paths longer than this (containers inside containers…) are left out with a warning, which
    /// keeps the work per statement bounded whatever the input.
    static let maximumDepth = 32

    static let attributes: Set<String> = [
        "shape", "label", "style", "icon", "near", "tooltip", "link", "width", "height", "direction", "class",
        "constraint", "grid-rows", "grid-columns", "grid-gap", "vertical-gap", "horizontal-gap", "top", "left",
        "source-arrowhead", "target-arrowhead", "filled", "tooltip", "classes", "vars",
    ]
}

struct D2Parser {
    struct Shape {
        var path: [String]
        var label: String?
        var shape: String?
        var line: Int
    }

    enum Context {
        /// Inside a shape's block: keys are relative to its path.
        case container([String])
        /// Inside a block that is not read (style, an edge's block, layers).
        case skip
    }

    let source: SourceLines
    var diagram = ImportedDiagram()
    var stack: [Context] = []
    var shapes: [Shape] = []
    var shapeIndex: [[String]: Int] = [:]
    var edges: [(from: [String], to: [String], label: String, twoWay: Bool, line: Int)] = []
    var line = 0
    /// Inside a `|…|` block string spanning lines.
    var inBlockString = false
    var leftOut: [(what: String, lines: [Int])] = []

    init(_ source: SourceLines) { self.source = source }

    var prefix: [String] {
        if case .container(let p)? = stack.last { return p }
        return []
    }

    var skipping: Bool { stack.contains { if case .skip = $0 { true } else { false } } }

    mutating func run() {
        for index in source.ranges.indices {
            line = index + 1
            var sc = source.scanner(index)
            defer { diagram.work += sc.reads }
            if inBlockString {
                while let c = sc.peek(), c != UInt8(ascii: "|") { sc.advance() }
                if sc.atEnd { continue }
                sc.advance()
                inBlockString = false
            }
            statements(&sc)
        }
        if !stack.isEmpty {
            warn(line: source.ranges.count, "the file ends inside a block (a `}` is missing)")
        }
    }

    /// Splits a line into statements at `;`, `{` and `}` outside quotes, and handles each.
    mutating func statements(_ sc: inout Scanner) {
        var start = sc.i
        var quote: UInt8?
        while let c = sc.peek() {
            if let q = quote {
                if c == UInt8(ascii: "\\") { sc.advance(2); continue }
                if c == q { quote = nil }
                sc.advance()
                continue
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = c
                sc.advance()
            case UInt8(ascii: "#"):
                handle(sc.text(start, sc.i), opensBlock: false)
                sc.i = sc.end
                return
            case UInt8(ascii: ";"):
                handle(sc.text(start, sc.i), opensBlock: false)
                sc.advance()
                start = sc.i
            case UInt8(ascii: "{"):
                handle(sc.text(start, sc.i), opensBlock: true)
                sc.advance()
                start = sc.i
            case UInt8(ascii: "}"):
                handle(sc.text(start, sc.i), opensBlock: false)
                if stack.popLast() == nil { warn("a `}` with no block to close") }
                sc.advance()
                start = sc.i
            case UInt8(ascii: "|") where sc.text(start, sc.i).contains(":"):
                // A block string (`|md …|`): its text is not a label sysdraft can use.
                let head = sc.text(start, sc.i)
                sc.advance()
                while let d = sc.peek(), d != UInt8(ascii: "|") { sc.advance() }
                if sc.atEnd { inBlockString = true } else { sc.advance() }
                handle(head, opensBlock: false)
                leave("block strings (`|md …|`)")
                start = sc.i
            default:
                sc.advance()
            }
        }
        if quote != nil { warn("a quoted string is not closed") }
        handle(sc.text(start, sc.i), opensBlock: false)
    }

    mutating func handle(_ raw: String, opensBlock: Bool) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if skipping {
            if opensBlock { stack.append(.skip) }
            return
        }
        if text.isEmpty {
            if opensBlock { stack.append(.container(prefix)) }
            return
        }
        let (lhs, value) = Self.splitValue(text)
        let parts = Self.splitEdges(lhs)
        if parts.keys.count > 1 {
            edgeChain(parts, label: value, opensBlock: opensBlock)
            return
        }
        let key = lhs.trimmingCharacters(in: .whitespaces)
        if key.hasPrefix("(") || key.hasPrefix("*") || key.contains(".*") || key.hasPrefix("**") {
            warn("edge references and globs (“\(short(key))”) are not read; left out")
            if opensBlock { stack.append(.skip) }
            return
        }
        if key.hasPrefix("...@") || key.hasPrefix("@") || (value?.hasPrefix("@") ?? false) {
            warn("imports are not followed; only this file is read")
            if opensBlock { stack.append(.skip) }
            return
        }
        let path = Self.splitPath(key)
        guard !path.isEmpty else {
            warn("could not read “\(short(text))”; left out")
            if opensBlock { stack.append(.skip) }
            return
        }
        // Attributes: `shape: cylinder` in a block, `x.shape: cylinder`, `x.style.fill: red`.
        if let a = path.firstIndex(where: { D2Importer.attributes.contains($0) }) {
            let target = prefix + path[..<a]
            guard target.count <= D2Importer.maximumDepth else {
                if opensBlock { stack.append(.skip) }
                return
            }
            attribute(path[a], rest: Array(path[(a + 1)...]), target: target, value: value, opensBlock: opensBlock)
            return
        }
        if ["layers", "scenarios", "steps"].contains(path[0]) && prefix.isEmpty {
            warn("`\(path[0])` (other boards) are not read; only the main diagram is")
            if opensBlock { stack.append(.skip) }
            return
        }
        if path[0] == "vars" || path[0] == "classes" {
            leave("`\(path[0])`")
            if opensBlock { stack.append(.skip) }
            return
        }
        let full = prefix + path
        guard full.count <= D2Importer.maximumDepth else {
            warn("nested deeper than \(D2Importer.maximumDepth) levels; left out")
            if opensBlock { stack.append(.skip) }
            return
        }
        let i = declare(full)
        if let value, !value.isEmpty, value != "null" { shapes[i].label = value }
        if value == "null" { leave("`null` (deletions)") }
        if opensBlock { stack.append(.container(full)) }
    }

    mutating func attribute(_ name: String, rest: [String], target: [String], value: String?, opensBlock: Bool) {
        switch name {
        case "shape":
            guard !target.isEmpty, let value else { break }
            let i = declare(target)
            shapes[i].shape = value
            if D2Importer.shapes[value] == nil { warn("shape “\(short(value))” is not known; its words decide the kind") }
        case "label":
            guard !target.isEmpty, let value else { break }
            shapes[declare(target)].label = value
        case "direction":
            break
        case "style", "icon", "near", "tooltip", "link", "width", "height", "class", "classes", "vars", "constraint",
             "grid-rows", "grid-columns", "grid-gap", "vertical-gap", "horizontal-gap", "top", "left",
             "source-arrowhead", "target-arrowhead", "filled":
            leave("`\(name)`")
        default:
            leave("`\(name)`")
        }
        if opensBlock { stack.append(.skip) }
    }

    mutating func edgeChain(_ parts: (keys: [String], ops: [String]), label: String?, opensBlock: Bool) {
        var ends: [[String]] = []
        for k in parts.keys {
            let path = Self.splitPath(k.trimmingCharacters(in: .whitespaces))
            guard !path.isEmpty else {
                warn("a connection with an empty end; left out")
                if opensBlock { stack.append(.skip) }
                return
            }
            let full = prefix + path
            guard full.count <= D2Importer.maximumDepth else {
                warn("nested deeper than \(D2Importer.maximumDepth) levels; left out")
                if opensBlock { stack.append(.skip) }
                return
            }
            _ = declare(full)
            ends.append(full)
        }
        for (n, op) in parts.ops.enumerated() {
            var (a, b) = (ends[n], ends[n + 1])
            if op == "<-" { swap(&a, &b) }
            edges.append((a, b, label ?? "", op == "<->" || op == "--", line))
        }
        // A connection's block holds its style and label.
        if opensBlock { stack.append(.skip); leave("connection blocks") }
    }

    @discardableResult
    mutating func declare(_ path: [String]) -> Int {
        if path.isEmpty { return declare(["(unnamed)"]) }
        // Every prefix is a shape too (`a.b` makes `a` a container).
        for n in 1..<path.count where shapeIndex[Array(path[..<n])] == nil {
            shapes.append(Shape(path: Array(path[..<n]), line: line))
            shapeIndex[Array(path[..<n])] = shapes.count - 1
        }
        if let i = shapeIndex[path] { return i }
        shapes.append(Shape(path: path, line: line))
        shapeIndex[path] = shapes.count - 1
        return shapes.count - 1
    }

    // MARK: splitting

    /// `lhs: value` at the first colon outside quotes; the value unquoted.
    static func splitValue(_ text: String) -> (String, String?) {
        var quote: Character?
        var escaped = false
        for (i, c) in zip(text.indices, text) {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == ":" {
                let v = text[text.index(after: i)...].trimmingCharacters(in: .whitespaces)
                return (String(text[..<i]), unquote(v))
            }
        }
        return (text, nil)
    }

    /// Keys and operators of `a -> b <- c`, outside quotes.
    static func splitEdges(_ text: String) -> (keys: [String], ops: [String]) {
        let b = Array(text.utf8)
        var keys: [String] = [], ops: [String] = []
        var start = 0, i = 0
        var quote: UInt8?
        while i < b.count {
            let c = b[i]
            if let q = quote { if c == q { quote = nil }; i += 1; continue }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c; i += 1; continue }
            var op: String?
            if c == UInt8(ascii: "<"), i + 2 < b.count, b[i + 1] == UInt8(ascii: "-"), b[i + 2] == UInt8(ascii: ">") { op = "<->" }
            else if c == UInt8(ascii: "<"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "-") { op = "<-" }
            else if c == UInt8(ascii: "-"), i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") { op = "->" }
            else if c == UInt8(ascii: "-"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "-") { op = "--" }
            if let op {
                keys.append(String(decoding: b[start..<i], as: UTF8.self))
                ops.append(op)
                i += op.utf8.count
                start = i
                continue
            }
            i += 1
        }
        keys.append(String(decoding: b[start..<b.count], as: UTF8.self))
        return (keys, ops)
    }

    /// `a.b."c.d"` → ["a", "b", "c.d"], each part trimmed and unquoted.
    static func splitPath(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
                continue
            }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts.contains(where: \.isEmpty) ? [] : parts
    }

    static func unquote(_ v: String) -> String {
        guard v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f else { return v }
        var out = ""
        var escaped = false
        for c in v.dropFirst().dropLast() {
            if escaped { out.append(c == "n" ? " " : c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            out.append(c)
        }
        return out
    }

    func short(_ s: String) -> String { s.count > 30 ? String(s.prefix(30)) + "…" : s }

    // MARK: result

    mutating func finish() -> ImportedDiagram {
        // Children of tables and classes are their fields, not shapes.
        let fieldOwners = Set(shapes.filter { $0.shape == "sql_table" || $0.shape == "class" }.map(\.path))
        /// The table or class a path is a field of (its nearest such ancestor).
        func owner(_ p: [String]) -> [String]? {
            var n = p.count - 1
            while n > 0 {
                if fieldOwners.contains(Array(p[..<n])) { return Array(p[..<n]) }
                n -= 1
            }
            return nil
        }
        func isField(_ p: [String]) -> Bool { owner(p) != nil }
        let kept = shapes.filter { !isField($0.path) }
        let containers = Set(kept.compactMap { $0.path.count > 1 ? Array($0.path.dropLast()) : nil })
        var groupIndex: [[String]: Int] = [:]
        for s in kept where containers.contains(s.path) {
            diagram.groups.append(ImportedDiagram.Group(key: s.path.joined(separator: "."), title: s.label ?? s.path.last!,
                                                        parent: nil, line: s.line))
            groupIndex[s.path] = diagram.groups.count - 1
        }
        for (p, g) in groupIndex where p.count > 1 { diagram.groups[g].parent = groupIndex[Array(p.dropLast())] }
        for s in kept where !containers.contains(s.path) {
            var n = ImportedDiagram.Node(key: s.path.joined(separator: "."), line: s.line)
            n.label = s.label ?? s.path.last
            if let shape = s.shape, let k = D2Importer.shapes[shape] {
                n.shapeKind = k.kind
                n.storageShape = k.storage
                // Shapes that say what the box is decide; the others only suggest.
                if shape == "person" || shape == "c4-person" { n.kind = .client }
                if shape == "queue" { n.kind = .queue }
            }
            if s.path.count > 1 { n.group = groupIndex[Array(s.path.dropLast())] }
            diagram.nodes.append(n)
        }
        for e in edges {
            if isField(e.from) || isField(e.to) {
                warn(line: e.line, "a connection to a table's field is drawn to the table")
            }
            diagram.edges.append(ImportedDiagram.Edge(from: (owner(e.from) ?? e.from).joined(separator: "."),
                                                      to: (owner(e.to) ?? e.to).joined(separator: "."),
                                                      label: e.label, technology: "", async: false, twoWay: e.twoWay, line: e.line))
        }
        for (what, lines) in leftOut {
            let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? ", …" : "")
            diagram.messages.append(ImportMessage(.note, line: lines[0], "\(what) left out (line\(lines.count == 1 ? "" : "s") \(shown))"))
        }
        return diagram
    }

    mutating func leave(_ what: String) {
        if let i = leftOut.firstIndex(where: { $0.what == what }) {
            if leftOut[i].lines.last != line { leftOut[i].lines.append(line) }
        } else {
            leftOut.append((what, [line]))
        }
    }

    mutating func warn(_ text: String) { warn(line: line, text) }
    mutating func warn(line: Int, _ text: String) { diagram.messages.append(ImportMessage(.warning, line: line, text)) }
}
