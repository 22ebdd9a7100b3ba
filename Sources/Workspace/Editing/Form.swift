/// A dialog of fields for editing one item. Text fields use a `LineEditor`; choice fields
/// cycle through a fixed list or open a picker.
public struct Form: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            case text(LineEditor)
            /// Options as shown, and the selected index.
            case choice([String], Int)
        }

        /// A stable name the item form reads back ("name", "kind", …).
        public var key: String
        public var label: String
        public var value: Value

        public init(_ key: String, _ label: String, text: String) {
            self.key = key
            self.label = label
            value = .text(LineEditor(text))
        }

        public init(_ key: String, _ label: String, choices: [String], selected: Int) {
            self.key = key
            self.label = label
            value = .choice(choices, choices.isEmpty ? 0 : min(max(selected, 0), choices.count - 1))
        }

        public var text: String {
            switch value {
            case .text(let e): e.text
            case .choice(let opts, let i): opts.indices.contains(i) ? opts[i] : ""
            }
        }

        public var choiceIndex: Int? {
            if case .choice(_, let i) = value { return i }
            return nil
        }
    }

    /// What the form edits, so confirming knows where to write.
    public enum Target: Equatable, Sendable {
        case newRequirement, requirement(String)
        case newComponent, component(String)
        case newFlow, flow(String)
        case newTradeOff, tradeOff(String)
        case newCustomItem(stage: String), customItem(String)
        case stageNotes(stage: String)
        case assessment

        /// The id of the existing item being edited (nil for a new one).
        public var editedID: String? {
            switch self {
            case .requirement(let id), .component(let id), .flow(let id), .tradeOff(let id), .customItem(let id): id
            default: nil
            }
        }
    }

    public var title: String
    public var target: Target
    public var fields: [Field]
    public var focus: Int
    /// An open drop-down for the focused choice field: the highlighted option.
    public var picker: Int?
    /// Why the last confirm was refused (shown under the fields).
    public var error: String?

    public init(title: String, target: Target, fields: [Field]) {
        self.title = title
        self.target = target
        self.fields = fields
        focus = 0
        picker = nil
        error = nil
    }

    public subscript(key: String) -> Field? { fields.first { $0.key == key } }

    public func text(_ key: String) -> String { self[key]?.text ?? "" }
    public func choice(_ key: String) -> Int { self[key]?.choiceIndex ?? 0 }

    public enum Outcome: Equatable, Sendable { case editing, confirmed, cancelled }

    /// Handles a key inside the form.
    public mutating func handle(_ key: Key) -> Outcome {
        if picker != nil { return handlePicker(key) }
        switch key {
        case .escape: return .cancelled
        case .enter: return .confirmed
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        default:
            switch fields[focus].value {
            case .text(var editor):
                editor.handle(key)
                fields[focus].value = .text(editor)
            case .choice(let opts, let i):
                guard !opts.isEmpty else { break }
                switch key {
                case .right, .char("l"): fields[focus].value = .choice(opts, (i + 1) % opts.count)
                case .left, .char("h"): fields[focus].value = .choice(opts, (i + opts.count - 1) % opts.count)
                case .char(" "): picker = i
                case .char(let c):
                    if let j = Form.jump(opts, from: i, letter: c) { fields[focus].value = .choice(opts, j) }
                default: break
                }
            }
        }
        error = nil
        return .editing
    }

    private mutating func handlePicker(_ key: Key) -> Outcome {
        guard case .choice(let opts, _) = fields[focus].value, var p = picker else { picker = nil; return .editing }
        switch key {
        case .escape: picker = nil; return .editing
        case .enter, .char(" "):
            fields[focus].value = .choice(opts, p)
            picker = nil
            return .editing
        case .down, .char("j"), .tab: p = min(opts.count - 1, p + 1)
        case .up, .char("k"), .backTab: p = max(0, p - 1)
        case .home, .char("g"): p = 0
        case .end, .char("G"): p = opts.count - 1
        case .char(let c):
            if let j = Form.jump(opts, from: p, letter: c) { p = j }
        default: break
        }
        picker = p
        return .editing
    }

    /// Type-to-jump: the first option starting with the letter, or the next one when the
    /// current option already starts with it (pressing W twice goes Web app → Worker).
    static func jump(_ options: [String], from current: Int, letter: Character) -> Int? {
        let l = Character(letter.lowercased())
        let starts = { (i: Int) in options[i].lowercased().first == l }
        let matches = options.indices.filter(starts)
        guard let first = matches.first else { return nil }
        guard options.indices.contains(current), starts(current) else { return first }
        return matches.first { $0 > current } ?? first
    }

    /// Pastes text into the focused text field.
    public mutating func paste(_ s: String) {
        guard case .text(var editor) = fields[focus].value else { return }
        editor.insert(s)
        fields[focus].value = .text(editor)
    }
}
