import DesignModel

/// The formats `sysdraft import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    case mermaid, structurizr, d2

    /// The format a file name suggests (`.mmd`, `.mermaid`, `.dsl`, `.d2`).
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".mmd") || lower.hasSuffix(".mermaid") { self = .mermaid }
        else if lower.hasSuffix(".dsl") { self = .structurizr }
        else if lower.hasSuffix(".d2") { self = .d2 }
        else { return nil }
    }
}

/// Something the importer wants the user to know, with the line it is about (1-based; 0 for
/// the file as a whole). Notes say what was deliberately left out (styles, views); warnings
/// say what could not be understood.
public struct ImportMessage: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case note, warning }
    public var severity: Severity
    public var line: Int
    public var text: String

    public init(_ severity: Severity, line: Int, _ text: String) {
        self.severity = severity
        self.line = line
        self.text = text
    }

    public var description: String {
        (line > 0 ? "line \(line): " : "") + "\(severity.rawValue): \(text)"
    }
}

/// Why nothing could be imported at all.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { (line > 0 ? "line \(line): " : "") + message }
}

/// A diagram as read from a source file, before it becomes a design: boxes, arrows and
/// groups with the source's own ids. Groups stay structured here so that, once designs have
/// groups, only `ImportMapping` changes.
public struct ImportedDiagram: Equatable, Sendable {
    public struct Node: Equatable, Sendable {
        /// The source's id for the box (`A`, `webapp`, `aws.ec2`).
        public var key: String
        public var label: String?
        /// A kind decided by the source (a sysdraft class in Mermaid, a person in Structurizr).
        public var kind: Component.Kind?
        /// A kind the shape suggests; words in the label may override it (see `KindInference`).
        public var shapeKind: Component.Kind?
        /// The shape means storage: only storage kinds are considered.
        public var storageShape = false
        public var description = ""
        public var technology = ""
        /// Extra words that hint at the kind (Structurizr tags).
        public var hints: [String] = []
        /// Index into `groups` of the innermost group holding the box.
        public var group: Int?
        public var line: Int

        public init(key: String, line: Int) {
            self.key = key
            self.line = line
        }
    }

    public struct Edge: Equatable, Sendable {
        public var from: String
        public var to: String
        public var label: String
        public var technology: String
        public var async: Bool
        public var twoWay: Bool
        public var line: Int
    }

    public struct Group: Equatable, Sendable {
        public var key: String
        public var title: String
        public var parent: Int?
        public var line: Int
    }

    public var title: String?
    /// Arrow labels may end in a protocol in parentheses, as sysdraft's Mermaid export writes
    /// them ("short link (HTTP/REST)"); true for Mermaid only.
    public var captionsCarryProtocol = false
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var groups: [Group] = []
    public var messages: [ImportMessage] = []
    /// Bytes the parser looked at, summed over the input: the fuzz tests check it stays a
    /// small multiple of the input's size (the parsers are linear by construction).
    public var work = 0

    public init() {}
}

/// What an import produced: the design, and every note and warning in line order.
public struct ImportResult: Sendable {
    public var design: Design
    public var diagram: ImportedDiagram
    public var messages: [ImportMessage]
}
