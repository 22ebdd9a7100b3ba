import Foundation

/// A group of named estimates to insert into a design and then edit (Assets/estimates/templates.json).
public struct EstimateTemplate: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var name: String
        public var expression: String
        public var description: String
        /// A starting figure: when the design already has an estimate of this name, that one
        /// is used and this entry is not inserted.
        public var input: Bool?

        public init(name: String, expression: String, description: String, input: Bool? = nil) {
            self.name = name
            self.expression = expression
            self.description = description
            self.input = input
        }

        public var isInput: Bool { input ?? false }
    }

    /// Short stable name (`qps`, `storage`): what a command line or palette refers to.
    public var key: String
    public var title: String
    public var summary: String
    public var estimates: [Entry]

    public init(key: String, title: String, summary: String, estimates: [Entry]) {
        self.key = key
        self.title = title
        self.summary = summary
        self.estimates = estimates
    }

    /// The entries to insert into a design whose estimates already use `existingNames`.
    ///
    /// Inputs whose name is taken are left out: the design's estimate of that name is used.
    /// Any other entry whose name is taken is renamed with the first free suffix (`write_qps_2`,
    /// `write_qps_3`, …), and the template's own expressions are rewritten to use the new names.
    public func entriesToInsert(existingNames: Set<String>) -> [Entry] {
        var taken = existingNames
        var renames: [String: String] = [:]
        var out: [Entry] = []
        for e in estimates {
            if taken.contains(e.name) {
                if e.isInput { continue }
                var n = 2
                while taken.contains("\(e.name)_\(n)") { n += 1 }
                renames[e.name] = "\(e.name)_\(n)"
            }
            taken.insert(renames[e.name] ?? e.name)
            out.append(e)
        }
        guard !renames.isEmpty else { return out }
        return out.map { e in
            var r = e
            r.name = renames[e.name] ?? e.name
            r.expression = Expression.renaming(renames, in: e.expression)
            return r
        }
    }
}

/// The templates file.
public struct EstimateTemplates: Codable, Equatable, Sendable {
    public var about: String?
    public var templates: [EstimateTemplate]

    public init(templates: [EstimateTemplate]) { self.templates = templates }

    public static func decode(_ data: Data) throws -> EstimateTemplates {
        try JSONDecoder().decode(EstimateTemplates.self, from: data)
    }

    public subscript(key: String) -> EstimateTemplate? { templates.first { $0.key == key } }

    /// What is wrong with the file: duplicate keys, and any template whose estimates do not
    /// all evaluate on their own (bad names, unknown names, dimension errors).
    public func problems() -> [String] {
        var out: [String] = []
        var keys = Set<String>()
        for (i, t) in templates.enumerated() {
            let at = "templates[\(i)] (\(t.key))"
            if !keys.insert(t.key).inserted { out.append("\(at): the key \"\(t.key)\" is used twice") }
            if t.key.isEmpty || t.title.isEmpty { out.append("\(at): needs a key and a title") }
            if t.estimates.isEmpty { out.append("\(at): has no estimates") }
            let sheet = EstimateSheet(t.estimates.map { EstimateSheet.Row(name: $0.name, expression: $0.expression) })
            for (j, status) in sheet.statuses.enumerated() {
                if case .error(let e) = status {
                    out.append("\(at).estimates[\(j)] (\(t.estimates[j].name)): \(e)")
                }
            }
        }
        return out
    }
}

extension Expression {
    /// `text` with the estimate names in `renames` replaced, token by token, so spacing, units
    /// and everything else stay as written. Text that does not parse into tokens is returned
    /// unchanged.
    public static func renaming(_ renames: [String: String], in text: String) -> String {
        let lexer = Lexer(text)
        guard !renames.isEmpty, let tokens = try? lexer.tokens() else { return text }
        var out: [UInt8] = []
        var last = 0
        for (k, t) in tokens.enumerated() where t.kind == .name {
            let word = lexer.text(t)
            guard let new = renames[word] else { continue }
            // A function call or a unit is not an estimate's name.
            if CalcFunction(rawValue: word) != nil && k + 1 < tokens.count && tokens[k + 1].kind == .leftParen { continue }
            if Units.named(word) != nil || word == "to" { continue }
            out.append(contentsOf: lexer.bytes[last..<t.start])
            out.append(contentsOf: new.utf8)
            last = t.end
        }
        out.append(contentsOf: lexer.bytes[last...])
        return String(decoding: out, as: UTF8.self)
    }
}
