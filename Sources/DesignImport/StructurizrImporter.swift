import DesignModel

/// Reads a subset of the Structurizr DSL: `person`, `softwareSystem`, `container` and
/// `component` with name, description, technology and tags (inline or as `description`,
/// `technology` and `tags` lines in the element's block); relationships
/// `a -> b "description" "technology" "tags"` (also `-> b` inside an element, and `this`);
/// `group` and `enterprise` blocks; flat or hierarchical identifiers.
///
/// An element that holds other elements (a software system with containers, a container with
/// components) becomes a group, and relationships drawn to it are left out with a warning;
/// people become clients, the rest take their kind from tags, technology and name.
/// `views`, `styles`, `themes`, `configuration`, `properties`, `perspectives` and deployment
/// blocks are left out with a note; `!include` and other directives with a warning.
public enum StructurizrImporter {
    public static func parse(_ text: String) throws(ImportError) -> ImportedDiagram {
        var p = StructurizrParser(SourceLines(text))
        p.run()
        return p.finish()
    }
}

struct StructurizrParser {
    enum Token: Equatable {
        case word(String)
        case string(String)
        case open, close, equals, arrow
    }

    enum Context {
        case root, workspace, model, element(Int), group(Int), relationship, skip
    }

    struct Element {
        var key: String
        var type: String
        var name: String
        var description = ""
        var technology = ""
        var tags: [String] = []
        var parent: Int?
        var group: Int?
        var line: Int
    }

    struct Group {
        var title: String
        var parentGroup: Int?
        var parentElement: Int?
        var line: Int
    }

    let source: SourceLines
    var diagram = ImportedDiagram()
    var stack: [Context] = [.root]
    var elements: [Element] = []
    var groups: [Group] = []
    var aliases: [String: Int] = [:]
    var hierarchical = false
    var inBlockComment = false
    var line = 0
    var leftOut: [(what: String, lines: [Int])] = []

    init(_ source: SourceLines) { self.source = source }

    mutating func run() {
        for index in source.ranges.indices {
            line = index + 1
            var sc = source.scanner(index)
            var tokens: [Token] = []
            tokenize(&sc, into: &tokens)
            diagram.work += sc.reads
            var statement: [Token] = []
            for t in tokens {
                switch t {
                case .open:
                    handle(statement, opensBlock: true)
                    statement = []
                case .close:
                    if !statement.isEmpty { handle(statement, opensBlock: false) }
                    statement = []
                    if stack.count > 1 { stack.removeLast() } else { warn("a `}` with no block to close") }
                default:
                    statement.append(t)
                }
            }
            if !statement.isEmpty { handle(statement, opensBlock: false) }
        }
        if stack.count > 1 { warn(line: source.ranges.count, "the file ends inside a block (a `}` is missing)") }
    }

    // MARK: tokens

    mutating func tokenize(_ sc: inout Scanner, into tokens: inout [Token]) {
        while true {
            if inBlockComment {
                var closed = false
                while !sc.atEnd {
                    if sc.take("*/") { closed = true; break }
                    sc.advance()
                }
                if !closed { return }
                inBlockComment = false
            }
            sc.skipSpaces()
            guard let c = sc.peek() else { return }
            if sc.take("/*") { inBlockComment = true; continue }
            if sc.take("//") || (c == UInt8(ascii: "#") && tokens.isEmpty) { sc.i = sc.end; return }
            switch c {
            case UInt8(ascii: "{"): tokens.append(.open); sc.advance()
            case UInt8(ascii: "}"): tokens.append(.close); sc.advance()
            case UInt8(ascii: "="): tokens.append(.equals); sc.advance()
            case UInt8(ascii: "\""):
                sc.advance()
                var bytes: [UInt8] = []
                while let d = sc.peek(), d != UInt8(ascii: "\"") {
                    if d == UInt8(ascii: "\\"), let e = sc.peek(1) { bytes.append(e); sc.advance(2); continue }
                    bytes.append(d)
                    sc.advance()
                }
                if sc.atEnd { warn("a quoted string is not closed") }
                sc.advance()
                tokens.append(.string(String(decoding: bytes, as: UTF8.self)))
            default:
                if sc.take("->") { tokens.append(.arrow); continue }
                let s = sc.i
                while let d = sc.peek(), !Scanner.isSpace(d), d != UInt8(ascii: "{"), d != UInt8(ascii: "}"),
                      d != UInt8(ascii: "="), d != UInt8(ascii: "\""), !(d == UInt8(ascii: "-") && sc.peek(1) == UInt8(ascii: ">")) {
                    sc.advance()
                }
                if sc.i == s { sc.advance(); continue }
                tokens.append(.word(sc.text(s, sc.i)))
            }
        }
    }

    // MARK: statements

    var currentElement: Int? {
        for c in stack.reversed() { if case .element(let e) = c { return e } }
        return nil
    }

    /// The innermost group inside the current element (or at model level).
    var currentGroup: Int? {
        for c in stack.reversed() {
            if case .group(let g) = c { return g }
            if case .element = c { return nil }
        }
        return nil
    }

    /// Blocks nested deeper than this are left out (real models nest four or five deep).
    static let maximumDepth = 64

    mutating func handle(_ tokens: [Token], opensBlock: Bool) {
        if case .skip? = stack.last {
            if opensBlock { stack.append(.skip) }
            return
        }
        if opensBlock && stack.count > Self.maximumDepth {
            warn("nested deeper than \(Self.maximumDepth) blocks; this block is left out")
            stack.append(.skip)
            return
        }
        guard !tokens.isEmpty else {
            if opensBlock { stack.append(.skip); warn("a block without a statement before it is left out") }
            return
        }
        if tokens.contains(.arrow) { relationship(tokens, opensBlock: opensBlock); return }
        var ident: String?
        var rest = tokens[...]
        if tokens.count >= 2, case .word(let w) = tokens[0], tokens[1] == .equals {
            ident = w
            rest = tokens.dropFirst(2)
        }
        guard case .word(let first)? = rest.first else {
            warn("could not read this line")
            if opensBlock { stack.append(.skip) }
            return
        }
        let keyword = first.lowercased()
        let strings = rest.dropFirst().compactMap { t -> String? in if case .string(let s) = t { return s }; return nil }
        let words = rest.dropFirst().compactMap { t -> String? in if case .word(let s) = t { return s }; return nil }
        switch keyword {
        case "workspace":
            if words.first == "extends" { warn("`workspace extends` is not followed; only this file is read") }
            if let t = strings.first, !t.isEmpty { diagram.title = t }
            if opensBlock { stack.append(.workspace) }
        case "model":
            if opensBlock { stack.append(.model) }
        case "person", "softwaresystem", "container", "component":
            element(type: keyword, ident: ident, strings: strings, opensBlock: opensBlock)
        case "group", "enterprise":
            groups.append(Group(title: strings.first ?? "Group", parentGroup: currentGroup, parentElement: currentElement, line: line))
            if opensBlock { stack.append(.group(groups.count - 1)) }
        case "description", "technology", "tags", "tag":
            guard let e = currentElement else { unknown(first, opensBlock); return }
            switch keyword {
            case "description": elements[e].description = strings.first ?? ""
            case "technology": elements[e].technology = strings.first ?? ""
            default: elements[e].tags += strings.flatMap(Self.splitTags)
            }
        case "location":
            if let e = currentElement, words.first?.lowercased() == "external" { elements[e].tags.append("External") }
        case "url":
            break
        case "!identifiers":
            hierarchical = words.first?.lowercased() == "hierarchical"
        case "!include":
            warn("`!include` is not followed; only this file is read")
        case "views", "styles", "themes", "theme", "branding", "terminology", "configuration", "properties",
             "perspectives", "deploymentenvironment", "!docs", "!adrs", "users", "animation", "!impliedrelationships",
             "!const", "!constant", "!var", "!script", "!plugin", "!ref", "!extend", "!element", "!elements",
             "!relationship", "!relationships", "!decisions", "!components", "!identifier", "archetypes":
            leave(first)
            if opensBlock { stack.append(.skip) }
        default:
            unknown(first, opensBlock)
        }
    }

    mutating func unknown(_ word: String, _ opensBlock: Bool) {
        warn("“\(word)” is not part of the Structurizr subset sysdraft reads; left out")
        if opensBlock { stack.append(.skip) }
    }

    static func splitTags(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    mutating func element(type: String, ident: String?, strings: [String], opensBlock: Bool) {
        let parent = currentElement
        var e = Element(key: "", type: type, name: strings.first ?? ident ?? type, parent: parent, group: currentGroup, line: line)
        e.description = strings.count > 1 ? strings[1] : ""
        let hasTechnology = type == "container" || type == "component"
        if hasTechnology && strings.count > 2 { e.technology = strings[2] }
        let tagIndex = hasTechnology ? 3 : 2
        if strings.count > tagIndex { e.tags = strings[tagIndex...].flatMap(Self.splitTags) }
        let local = ident ?? "#\(elements.count + 1)"
        e.key = (hierarchical ? parent.map { elements[$0].key + "." } ?? "" : "") + local
        elements.append(e)
        let index = elements.count - 1
        aliases[e.key] = index
        if let ident {
            aliases[ident] = aliases[ident] ?? index
            if let parent { aliases[elements[parent].key + "." + ident] = index }
        }
        if opensBlock { stack.append(.element(index)) }
    }

    mutating func relationship(_ tokens: [Token], opensBlock: Bool) {
        var rest = tokens[...]
        if tokens.count >= 2, case .word = tokens[0], tokens[1] == .equals { rest = tokens.dropFirst(2) }
        guard let arrow = rest.firstIndex(of: .arrow) else { return }
        let before = rest[rest.startIndex..<arrow], after = rest[(arrow + 1)...]
        var from: String?
        if before.isEmpty || before == [.word("this")] {
            from = currentElement.map { elements[$0].key }
        } else if before.count == 1, case .word(let w) = before.first {
            from = w
        }
        guard let from, case .word(let to)? = after.first else {
            warn("could not read this relationship; left out")
            if opensBlock { stack.append(.skip) }
            return
        }
        let strings = after.dropFirst().compactMap { t -> String? in if case .string(let s) = t { return s }; return nil }
        let tags = strings.count > 2 ? strings[2...].flatMap(Self.splitTags).map { $0.lowercased() } : []
        let target = to == "this" ? (currentElement.map { elements[$0].key } ?? to) : to
        diagram.edges.append(ImportedDiagram.Edge(
            from: from, to: target, label: strings.first ?? "", technology: strings.count > 1 ? strings[1] : "",
            async: tags.contains("async") || tags.contains("asynchronous"), twoWay: false, line: line))
        if opensBlock { stack.append(.skip) }
    }

    // MARK: result

    mutating func finish() -> ImportedDiagram {
        var hasChildren = Set<Int>()
        for e in elements { if let p = e.parent { hasChildren.insert(p) } }
        // Groups: explicit groups first, then elements that hold others.
        var groupOfElement: [Int: Int] = [:]
        var out: [ImportedDiagram.Group] = groups.map { ImportedDiagram.Group(key: "group:\($0.line):\($0.title)", title: $0.title, parent: nil, line: $0.line) }
        for i in elements.indices where hasChildren.contains(i) {
            out.append(ImportedDiagram.Group(key: elements[i].key, title: elements[i].name, parent: nil, line: elements[i].line))
            groupOfElement[i] = out.count - 1
        }
        for (gi, g) in groups.enumerated() {
            out[gi].parent = g.parentGroup ?? g.parentElement.flatMap { groupOfElement[$0] }
        }
        for (i, gi) in groupOfElement {
            out[gi].parent = elements[i].group ?? elements[i].parent.flatMap { groupOfElement[$0] }
        }
        diagram.groups = out
        for (i, e) in elements.enumerated() where !hasChildren.contains(i) {
            var n = ImportedDiagram.Node(key: e.key, line: e.line)
            n.label = e.name
            n.description = e.description
            n.technology = e.technology
            n.hints = e.tags.filter { !["element", "person", "software system", "container", "component"].contains($0.lowercased()) }
            n.group = e.group ?? e.parent.flatMap { groupOfElement[$0] }
            switch e.type {
            case "person": n.kind = .client
            case "softwaresystem":
                n.shapeKind = e.tags.contains { ["external", "existing system"].contains($0.lowercased()) } ? .external : .service
            default: n.shapeKind = .service
            }
            if n.hints.contains(where: { $0.lowercased() == "database" }) { n.kind = .database }
            diagram.nodes.append(n)
        }
        // References by alias (flat or hierarchical identifiers) become element keys.
        diagram.edges = diagram.edges.map { e in
            var e = e
            e.from = aliases[e.from].map { elements[$0].key } ?? e.from
            e.to = aliases[e.to].map { elements[$0].key } ?? e.to
            return e
        }
        for (what, lines) in leftOut {
            let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? ", …" : "")
            diagram.messages.append(ImportMessage(.note, line: lines[0], "`\(what)` left out (line\(lines.count == 1 ? "" : "s") \(shown))"))
        }
        return diagram
    }

    mutating func leave(_ what: String) {
        if let i = leftOut.firstIndex(where: { $0.what == what }) { leftOut[i].lines.append(line) } else { leftOut.append((what, [line])) }
    }

    mutating func warn(_ text: String) { warn(line: line, text) }
    mutating func warn(line: Int, _ text: String) { diagram.messages.append(ImportMessage(.warning, line: line, text)) }
}
