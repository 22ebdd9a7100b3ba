import DesignModel

/// Reads Mermaid flowcharts (`graph` / `flowchart`, any direction).
///
/// - Boxes: `A`, `A[text]` and the other shapes; a shape suggests a kind (see `shapes`), words
///   in the label decide when they say more ("Redis" is a cache); a cylinder is always some
///   kind of storage and a flag (`A>text]`) always a queue. `A@{ shape: cyl, label: "x" }`
///   works for the common shapes. `class A,B kind_database` (written by sysdraft's export)
///   sets the kind outright.
/// - Arrows: `-->`, `---`, `-.->`, `==>`, `<-->`, `--o`, `--x` and longer forms, with
///   `|label|` or `-- label -->`; chains (`A --> B --> C`) and `&` (`A & B --> C`). Dotted
///   arrows are async; arrows with heads at both ends, or none, are two-way.
/// - `subgraph … end` (nested) are groups.
/// - Comments, directives, `classDef`, `class`, `style`, `linkStyle`, `click` and
///   accessibility lines are left out with a note; anything else unreadable is a warning
///   naming its line, and the rest of that line is skipped.
public enum MermaidImporter {
    public static func parse(_ text: String) throws(ImportError) -> ImportedDiagram {
        var p = MermaidParser(SourceLines(text))
        try p.run()
        return p.diagram
    }

    /// Shapes by their brackets: (open, close, shape name, kind suggested, storage shape).
    static let shapes: [(open: String, close: [String], name: String, kind: Component.Kind, storage: Bool)] = [
        ("(((", [")))"], "double circle", .other, false),
        ("((", ["))"], "circle", .other, false),
        ("([", ["])"], "stadium", .client, false),
        ("(", [")"], "rounded", .service, false),
        ("[[", ["]]"], "subroutine", .worker, false),
        ("[(", [")]"], "cylinder", .database, true),
        ("[/", ["/]", "\\]"], "parallelogram", .monitoring, false),
        ("[\\", ["\\]", "/]"], "parallelogram", .external, false),
        ("[", ["]"], "rectangle", .service, false),
        ("{{", ["}}"], "hexagon", .cdn, false),
        ("{", ["}"], "rhombus", .other, false),
        (">", ["]"], "flag", .queue, false),
    ]

    /// `@{ shape: … }` names (Mermaid 11) and the kinds they suggest.
    static let namedShapes: [String: (Component.Kind, Bool)] = [
        "cyl": (.database, true), "cylinder": (.database, true), "db": (.database, true), "database": (.database, true),
        "h-cyl": (.database, true), "das": (.database, true), "lin-cyl": (.database, true), "disk": (.database, true),
        "queue": (.queue, false), "flag": (.queue, false),
        "cloud": (.external, false), "hex": (.cdn, false), "hexagon": (.cdn, false),
        "rect": (.service, false), "proc": (.service, false), "process": (.service, false), "rectangle": (.service, false),
        "rounded": (.service, false), "event": (.service, false), "stadium": (.client, false), "terminal": (.client, false),
        "pill": (.client, false), "subproc": (.worker, false), "subroutine": (.worker, false), "fr-rect": (.worker, false),
        "circle": (.other, false), "circ": (.other, false), "diam": (.other, false), "diamond": (.other, false),
        "decision": (.other, false), "doc": (.objectStorage, false), "docs": (.objectStorage, false),
        "documents": (.objectStorage, false), "st-rect": (.service, false), "processes": (.service, false),
    ]

    /// sysdraft's kind classes: `kind_load_balancer` for `load-balancer`.
    static let kindClasses: [String: Component.Kind] = Dictionary(uniqueKeysWithValues: Component.Kind.allCases.map {
        ("kind_" + $0.rawValue.replacingOccurrences(of: "-", with: "_"), $0)
    })
}

struct MermaidParser {
    static let maximumDepth = 64
    let source: SourceLines
    var diagram = ImportedDiagram()
    var nodeIndex: [String: Int] = [:]
    var groupIndex: [String: Int] = [:]
    var groupStack: [Int] = []
    /// Left-out statements by kind, with their lines, reported as one note per kind.
    var ignored: [(what: String, lines: [Int])] = []
    var line = 0

    init(_ source: SourceLines) {
        self.source = source
        diagram.captionsCarryProtocol = true
    }

    mutating func run() throws(ImportError) {
        var index = 0
        // YAML front matter: `---` … `---`, of which only `title:` is used.
        if let first = firstContentLine(from: 0), lineText(first).trimmingCharacters(in: .whitespaces) == "---" {
            index = first + 1
            while index < source.ranges.count {
                let t = lineText(index).trimmingCharacters(in: .whitespaces)
                if t == "---" { index += 1; break }
                if t.hasPrefix("title:") {
                    diagram.title = unquote(String(t.dropFirst(6)).trimmingCharacters(in: .whitespaces))
                }
                index += 1
            }
        }
        var sawHeader = false
        while index < source.ranges.count {
            line = index + 1
            var sc = source.scanner(index)
            index += 1
            sc.skipSpaces()
            defer { diagram.work += sc.reads }
            if sc.atEnd { continue }
            if sc.take("%%") {
                note(sc.peek() == UInt8(ascii: "{") ? "directives (%%{…}%%)" : "comments")
                continue
            }
            if !sawHeader {
                try header(&sc)
                sawHeader = true
                sc.skipSpaces()
                if sc.peek() == UInt8(ascii: ";") { sc.advance() }
            }
            statements(&sc)
        }
        if !sawHeader { throw ImportError(line: 0, message: "no flowchart found: the file should start with `graph` or `flowchart`") }
        for g in groupStack.reversed() {
            warn(line: diagram.groups[g].line, "subgraph “\(diagram.groups[g].title)” has no `end`")
        }
        for (what, lines) in ignored {
            let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? ", …" : "")
            diagram.messages.append(ImportMessage(.note, line: lines[0],
                "\(what) left out (line\(lines.count == 1 ? "" : "s") \(shown))"))
        }
    }

    func firstContentLine(from start: Int) -> Int? {
        var i = start
        while i < source.ranges.count {
            if !lineText(i).trimmingCharacters(in: .whitespaces).isEmpty { return i }
            i += 1
        }
        return nil
    }

    func lineText(_ i: Int) -> String {
        String(decoding: source.bytes[source.ranges[i]], as: UTF8.self)
    }

    mutating func header(_ sc: inout Scanner) throws(ImportError) {
        guard sc.takeWord("graph") || sc.takeWord("flowchart") || sc.takeWord("flowchart-elk") else {
            let start = sc.i
            while let c = sc.peek(), Scanner.isIdentifier(c) || c == UInt8(ascii: "-") { sc.advance() }
            let word = sc.text(start, sc.i)
            let known = ["sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram", "gantt",
                         "pie", "journey", "gitGraph", "mindmap", "timeline", "C4Context", "C4Container", "quadrantChart",
                         "requirementDiagram", "sankey-beta", "xychart-beta", "block-beta", "architecture-beta", "kanban"]
            if known.contains(word) {
                throw ImportError(line: line, message: "this is a Mermaid \(word); only flowcharts (`graph` or `flowchart`) can be imported")
            }
            throw ImportError(line: line, message: "expected `graph` or `flowchart` to start the diagram")
        }
        sc.skipSpaces()
        for d in ["TB", "TD", "BT", "RL", "LR"] where sc.takeWord(d) { break }
    }

    // MARK: statements

    mutating func statements(_ sc: inout Scanner) {
        while true {
            sc.skipSpaces()
            guard let c = sc.peek() else { return }
            if c == UInt8(ascii: ";") { sc.advance(); continue }
            if sc.take("%%") { note("comments"); return }
            if sc.takeWord("subgraph") { subgraph(&sc); continue }
            if sc.takeWord("end") { endGroup(); continue }
            if sc.takeWord("direction") { skipStatement(&sc); continue }
            for (word, what) in [("classDef", "classDef"), ("linkStyle", "linkStyle"), ("style", "style"),
                                 ("click", "click"), ("accTitle", "accTitle"), ("accDescr", "accDescr")] where sc.takeWord(word) {
                note("`\(what)` lines")
                sc.i = sc.end
                return
            }
            if sc.takeWord("class") { classStatement(&sc); return }
            if !chain(&sc) { return }
        }
    }

    mutating func skipStatement(_ sc: inout Scanner) {
        while let c = sc.peek(), c != UInt8(ascii: ";") { sc.advance() }
    }

    mutating func subgraph(_ sc: inout Scanner) {
        sc.skipSpaces()
        var key = "", title = ""
        if sc.peek() == UInt8(ascii: "\"") {
            title = quoted(&sc) ?? ""
            key = title
        } else {
            let start = sc.i
            while let c = sc.peek(), Scanner.isIdentifier(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") { sc.advance() }
            key = sc.text(start, sc.i)
            let afterKey = sc.i
            sc.skipSpaces()
            if sc.peek() != UInt8(ascii: "[") { sc.i = afterKey }
            if sc.peek() == UInt8(ascii: "[") {
                sc.advance()
                if sc.peek() == UInt8(ascii: "\"") { title = quoted(&sc) ?? "" } else {
                    let s = sc.i
                    while let c = sc.peek(), c != UInt8(ascii: "]") { sc.advance() }
                    title = sc.text(s, sc.i)
                }
                while let c = sc.peek(), c != UInt8(ascii: "]") { sc.advance() }
                sc.advance()
            } else {
                // `subgraph Some title words`: the whole rest is the title (and the key).
                let s = sc.i
                while let c = sc.peek(), c != UInt8(ascii: ";") { sc.advance() }
                let more = sc.text(s, sc.i).trimmingCharacters(in: .whitespaces)
                if !more.isEmpty { key += " " + more }
                title = key
            }
        }
        if groupStack.count >= MermaidParser.maximumDepth {
            warn("subgraphs nested deeper than \(MermaidParser.maximumDepth); this one is merged into its parent")
            groupStack.append(groupStack.last!)
            return
        }
        title = MermaidText.decode(title).trimmingCharacters(in: .whitespaces)
        if key.isEmpty { key = "subgraph-\(diagram.groups.count + 1)" }
        if title.isEmpty { title = key }
        diagram.groups.append(ImportedDiagram.Group(key: key, title: title, parent: groupStack.last, line: line))
        groupIndex[key] = diagram.groups.count - 1
        groupStack.append(diagram.groups.count - 1)
    }

    mutating func endGroup() {
        if groupStack.popLast() == nil { warn("`end` without a subgraph to close") }
    }

    mutating func classStatement(_ sc: inout Scanner) {
        sc.skipSpaces()
        let start = sc.i
        while let c = sc.peek(), !Scanner.isSpace(c) { sc.advance() }
        let targets = sc.text(start, sc.i).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        sc.skipSpaces()
        let s = sc.i
        while let c = sc.peek(), !Scanner.isSpace(c), c != UInt8(ascii: ";") { sc.advance() }
        let name = sc.text(s, sc.i)
        sc.i = sc.end
        guard let kind = MermaidImporter.kindClasses[name] else { note("`class` lines"); return }
        for t in targets where !t.isEmpty { var n = node(t); n.kind = kind; node(t, n) }
    }

    // MARK: chains of boxes and arrows

    /// `A & B --> C --> D`; false when the rest of the line was given up.
    mutating func chain(_ sc: inout Scanner) -> Bool {
        guard var left = nodeGroup(&sc) else {
            warn("could not read a box at “\(preview(sc))”; the rest of the line is skipped")
            return false
        }
        while true {
            sc.skipSpaces()
            guard let c = sc.peek(), c != UInt8(ascii: ";") else { return true }
            guard let link = link(&sc) else {
                warn("could not read an arrow at “\(preview(sc))”; the rest of the line is skipped")
                return false
            }
            sc.skipSpaces()
            guard let right = nodeGroup(&sc) else {
                warn("an arrow without a box after it at “\(preview(sc))”; the rest of the line is skipped")
                return false
            }
            for a in left {
                for b in right {
                    let (from, to) = link.reversed ? (b, a) : (a, b)
                    diagram.edges.append(ImportedDiagram.Edge(from: from, to: to, label: link.label, technology: "",
                                                              async: link.dotted, twoWay: link.twoWay, line: line))
                }
            }
            left = right
        }
    }

    func preview(_ sc: Scanner) -> String {
        let t = sc.rest
        return t.count > 30 ? String(t.prefix(30)) + "…" : t
    }

    mutating func nodeGroup(_ sc: inout Scanner) -> [String]? {
        var keys: [String] = []
        while true {
            sc.skipSpaces()
            guard let key = nodeRef(&sc) else { return keys.isEmpty ? nil : keys }
            keys.append(key)
            let save = sc.i
            sc.skipSpaces()
            if sc.peek() == UInt8(ascii: "&") { sc.advance(); continue }
            sc.i = save
            return keys
        }
    }

    /// A box: its id, then optionally a shape with a label, `@{…}` and `:::class`.
    mutating func nodeRef(_ sc: inout Scanner) -> String? {
        let start = sc.i
        while let c = sc.peek() {
            if Scanner.isIdentifier(c) { sc.advance(); continue }
            // A dash inside an id (`api-gw`), not the start of an arrow.
            if c == UInt8(ascii: "-"), sc.i > start, let n = sc.peek(1), Scanner.isIdentifier(n) { sc.advance(); continue }
            break
        }
        guard sc.i > start else { return nil }
        let key = sc.text(start, sc.i)
        if sc.peek() == UInt8(ascii: "@") && sc.peek(1) == UInt8(ascii: "{") {
            sc.advance(2)
            shapeObject(&sc, key)
        } else if let shape = MermaidImporter.shapes.first(where: { sc.take($0.open) }) {
            let label = shapeLabel(&sc, closers: shape.close)
            var n = node(key)
            if let label { n.label = label }
            n.shapeKind = shape.kind
            n.storageShape = shape.storage
            // The flag is how sysdraft draws a queue, and a queue is what people mean by it.
            if shape.name == "flag" { n.kind = .queue }
            node(key, n)
        } else {
            _ = node(key)
        }
        if sc.take(":::") {
            let s = sc.i
            while let c = sc.peek(), Scanner.isIdentifier(c) || c == UInt8(ascii: "-") { sc.advance() }
            let name = sc.text(s, sc.i)
            if let kind = MermaidImporter.kindClasses[name] { var n = node(key); n.kind = kind; node(key, n) } else { note("`:::class` on boxes") }
        }
        return key
    }

    /// The label up to the first closer (or a quoted label, then the closer).
    mutating func shapeLabel(_ sc: inout Scanner, closers: [String]) -> String? {
        sc.skipSpaces()
        var label: String
        if sc.peek() == UInt8(ascii: "\"") {
            label = quoted(&sc) ?? ""
            sc.skipSpaces()
            if closers.contains(where: { sc.take($0) }) { return MermaidText.decode(label) }
        } else {
            label = ""
        }
        let s = sc.i
        while !sc.atEnd {
            let before = sc.i
            if closers.contains(where: { sc.take($0) }) {
                let text = label + sc.text(s, before)
                return MermaidText.decode(MermaidText.unquote(text.trimmingCharacters(in: .whitespaces)))
            }
            sc.advance()
        }
        warn("a box's label is not closed (expected \(closers.joined(separator: " or ")))")
        return MermaidText.decode(label + sc.text(s, sc.i))
    }

    /// `@{ shape: cyl, label: "Orders" }` (Mermaid 11).
    mutating func shapeObject(_ sc: inout Scanner, _ key: String) {
        var n = node(key)
        while true {
            sc.skipSpaces()
            guard let c = sc.peek() else { warn("`@{` is not closed"); break }
            if c == UInt8(ascii: "}") { sc.advance(); break }
            if c == UInt8(ascii: ",") { sc.advance(); continue }
            let s = sc.i
            while let c = sc.peek(), Scanner.isIdentifier(c) || c == UInt8(ascii: "-") { sc.advance() }
            let name = sc.text(s, sc.i)
            sc.skipSpaces()
            guard !name.isEmpty, sc.take(":") else { warn("could not read `@{…}` at “\(preview(sc))”"); sc.i = sc.end; break }
            sc.skipSpaces()
            var value: String
            if sc.peek() == UInt8(ascii: "\"") { value = quoted(&sc) ?? "" } else {
                let v = sc.i
                while let c = sc.peek(), c != UInt8(ascii: ","), c != UInt8(ascii: "}") { sc.advance() }
                value = sc.text(v, sc.i).trimmingCharacters(in: .whitespaces)
            }
            switch name {
            case "label": n.label = MermaidText.decode(value)
            case "shape":
                if let (kind, storage) = MermaidImporter.namedShapes[value] {
                    n.shapeKind = kind
                    n.storageShape = storage
                } else {
                    warn("shape “\(value)” is not known; drawn as a service")
                }
            default: note("`@{…}` fields other than shape and label")
            }
        }
        node(key, n)
    }

    struct Link {
        var dotted: Bool
        var twoWay: Bool
        var reversed: Bool
        var label: String
    }

    /// An arrow: `-->`, `---`, `-.->`, `==>`, `<-->`, `--o`, `--x`, longer forms, `|label|`
    /// after it or `-- label -->` around the label.
    mutating func link(_ sc: inout Scanner) -> Link? {
        let start = sc.i
        // An edge id (`e1@-->`, Mermaid 11) is skipped.
        var k = 0
        while let c = sc.peek(k), Scanner.isIdentifier(c) { k += 1 }
        if k > 0, sc.peek(k) == UInt8(ascii: "@") { sc.advance(k + 1); note("edge ids (`id@-->`)") }
        func isLinkChar(_ c: UInt8?) -> Bool { c == UInt8(ascii: "-") || c == UInt8(ascii: "=") || c == UInt8(ascii: ".") }
        var headStart = false
        if sc.peek() == UInt8(ascii: "<") { headStart = true; sc.advance() }
        else if let c = sc.peek(), c == UInt8(ascii: "o") || c == UInt8(ascii: "x"), isLinkChar(sc.peek(1)) { headStart = true; sc.advance() }
        var dotted = false, run = 0
        let runStart = sc.i
        while let c = sc.peek(), isLinkChar(c) { if c == UInt8(ascii: ".") { dotted = true }; run += 1; sc.advance() }
        let opening = sc.text(runStart, sc.i)
        var headEnd = false
        if sc.peek() == UInt8(ascii: ">") { headEnd = true; sc.advance() }
        else if let c = sc.peek(), c == UInt8(ascii: "o") || c == UInt8(ascii: "x"), sc.peek(1).map(Scanner.isSpace) ?? true {
            headEnd = true
            sc.advance()
        }
        var label = ""
        if !headEnd, ["--", "==", "-."].contains(opening), let c = sc.peek(), Scanner.isSpace(c) {
            // `-- text -->`: the text runs to the next two arrow characters.
            let textStart = sc.i
            while let c = sc.peek(), !(isLinkChar(c) && isLinkChar(sc.peek(1))) { sc.advance() }
            guard !sc.atEnd else { sc.i = start; return nil }
            label = MermaidText.decode(MermaidText.unquote(sc.text(textStart, sc.i).trimmingCharacters(in: .whitespaces)))
            while let c = sc.peek(), isLinkChar(c) { if c == UInt8(ascii: ".") { dotted = true }; sc.advance() }
            if sc.peek() == UInt8(ascii: ">") { headEnd = true; sc.advance() }
            else if let c = sc.peek(), c == UInt8(ascii: "o") || c == UInt8(ascii: "x"), sc.peek(1).map(Scanner.isSpace) ?? true {
                headEnd = true
                sc.advance()
            }
        } else if run < 2 && !(run >= 1 && (headStart || headEnd)) {
            sc.i = start
            return nil
        }
        let save = sc.i
        sc.skipSpaces()
        if sc.peek() == UInt8(ascii: "|") {
            sc.advance()
            let s = sc.i
            while let c = sc.peek(), c != UInt8(ascii: "|") { sc.advance() }
            if sc.atEnd { warn("an arrow's |label| is not closed") }
            label = MermaidText.decode(MermaidText.unquote(sc.text(s, sc.i).trimmingCharacters(in: .whitespaces)))
            sc.advance()
        } else {
            sc.i = save
        }
        return Link(dotted: dotted, twoWay: headStart == headEnd, reversed: headStart && !headEnd, label: label)
    }

    // MARK: helpers

    /// A double-quoted string at the cursor (Mermaid has no escapes inside; `#quot;` is decoded later).
    mutating func quoted(_ sc: inout Scanner) -> String? {
        guard sc.peek() == UInt8(ascii: "\"") else { return nil }
        sc.advance()
        let s = sc.i
        while let c = sc.peek(), c != UInt8(ascii: "\"") { sc.advance() }
        if sc.atEnd { warn("a quoted label is not closed") }
        let t = sc.text(s, sc.i)
        sc.advance()
        return t.replacingOccurrences(of: "`", with: "")
    }

    func unquote(_ s: String) -> String { MermaidText.unquote(s) }

    /// The box with this key, created on first mention (inside the innermost open subgraph).
    mutating func node(_ key: String) -> ImportedDiagram.Node {
        if let i = nodeIndex[key] {
            if diagram.nodes[i].group == nil, let g = groupStack.last { diagram.nodes[i].group = g }
            return diagram.nodes[i]
        }
        var n = ImportedDiagram.Node(key: key, line: line)
        n.group = groupStack.last
        diagram.nodes.append(n)
        nodeIndex[key] = diagram.nodes.count - 1
        return n
    }

    mutating func node(_ key: String, _ value: ImportedDiagram.Node) {
        if let i = nodeIndex[key] { diagram.nodes[i] = value }
    }

    mutating func warn(_ text: String) { warn(line: line, text) }
    mutating func warn(line: Int, _ text: String) { diagram.messages.append(ImportMessage(.warning, line: line, text)) }

    mutating func note(_ what: String) {
        if let i = ignored.firstIndex(where: { $0.what == what }) {
            if ignored[i].lines.last != line { ignored[i].lines.append(line) }
        } else {
            ignored.append((what, [line]))
        }
    }
}

/// Mermaid's label text: `#quot;`-style entity codes decoded, surrounding quotes and the
/// backticks of Markdown strings removed.
enum MermaidText {
    static let named: [String: String] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": " ", "num": "#", "semi": ";",
        "colon": ":", "vert": "|", "verbar": "|", "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]",
        "lbrack": "[", "rbrack": "]", "lcub": "{", "rcub": "}", "lbrace": "{", "rbrace": "}", "grave": "`",
        "percnt": "%", "excl": "!",
    ]

    static func unquote(_ s: String) -> String {
        var t = s
        if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
        if t.count >= 2, t.hasPrefix("`"), t.hasSuffix("`") { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// Decodes `#name;` and `#123;` (one pass, so `#35;quot;` stays `#quot;`).
    static func decode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "#")) else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "#") {
                var j = i + 1
                while j < b.count, j - i <= 12, Scanner.isIdentifier(b[j]) { j += 1 }
                if j < b.count, j > i + 1, b[j] == UInt8(ascii: ";") {
                    let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                    var replacement: String?
                    if let n = UInt32(name), let scalar = Unicode.Scalar(n) { replacement = String(Character(scalar)) }
                    else if let r = named[name] { replacement = r }
                    if let replacement {
                        out.append(contentsOf: replacement.utf8)
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
