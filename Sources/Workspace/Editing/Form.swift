/// A dialog of fields for editing one item. Text fields use a `LineEditor`, paragraph fields a
/// `TextArea`; choice fields behave like a select box (type-ahead, ← → step, Space opens the
/// list) and multi-choice fields open a list to tick. Keys come through the keymap's form,
/// field, text-area and list contexts.
public struct Form: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            case text(LineEditor)
            /// Several lines (notes, rationale, pros and cons one per line).
            case multiline(TextArea)
            /// Options as shown, and the selected index.
            case choice([String], Int)
            /// Options as shown, and which are ticked.
            case multiChoice([String], [Bool])
        }

        /// A stable name the item form reads back ("name", "kind", …).
        public var key: String
        public var label: String
        public var value: Value
        /// The ids behind a choice's options when they name items (parallel to the options).
        public var ids: [String]

        public init(_ key: String, _ label: String, text: String) {
            self.key = key
            self.label = label
            value = .text(LineEditor(text))
            ids = []
        }

        public init(_ key: String, _ label: String, paragraph: String) {
            self.key = key
            self.label = label
            value = .multiline(TextArea(paragraph))
            ids = []
        }

        public init(_ key: String, _ label: String, choices: [String], selected: Int, ids: [String] = []) {
            self.key = key
            self.label = label
            value = .choice(choices, choices.isEmpty ? 0 : min(max(selected, 0), choices.count - 1))
            self.ids = ids
        }

        /// Options to tick; `ids` name what each stands for, `selected` the ids ticked.
        public init(_ key: String, _ label: String, options: [String], ids: [String], selected: [String]) {
            self.key = key
            self.label = label
            let ticked = Set(selected)
            value = .multiChoice(options, ids.map { ticked.contains($0) })
            self.ids = ids
        }

        public var text: String {
            switch value {
            case .text(let e): e.text
            case .multiline(let a): a.text
            case .choice(let opts, let i): opts.indices.contains(i) ? opts[i] : ""
            case .multiChoice(let opts, let ticked): zip(opts, ticked).filter(\.1).map(\.0).joined(separator: ", ")
            }
        }

        public var choiceIndex: Int? {
            if case .choice(_, let i) = value { return i }
            return nil
        }

        /// The id behind the selected option of a choice field.
        public var choiceID: String? {
            guard let i = choiceIndex, ids.indices.contains(i) else { return nil }
            return ids[i]
        }

        /// The ids of the ticked options of a multi-choice field, in option order.
        public var selectedIDs: [String] {
            guard case .multiChoice(_, let ticked) = value else { return [] }
            return zip(ids, ticked).filter(\.1).map(\.0)
        }

        /// Several lines of text: Enter breaks the line instead of saving the form.
        public var isMultiline: Bool {
            if case .multiline = value { return true }
            return false
        }

        /// What the field holds, to tell whether the form was changed.
        var fingerprint: String {
            switch value {
            case .multiChoice(_, let ticked): ticked.map { $0 ? "1" : "0" }.joined()
            case .choice(_, let i): "#\(i)"
            default: text
            }
        }
    }

    /// What the form edits, so confirming knows where to write.
    public enum Target: Equatable, Sendable {
        case newItem(Pane)
        case item(Pane, String)
        case newCustomItem(stage: String), customItem(String)
        case stageNotes(stage: String)
        case assessment
        /// The design's title and problem statement.
        case designInfo

        /// The id of the existing item being edited (nil for a new one).
        public var editedID: String? {
            switch self {
            case .item(_, let id), .customItem(let id): id
            default: nil
            }
        }

        /// The pane of the item kind the form edits.
        public var pane: Pane? {
            switch self {
            case .newItem(let p), .item(let p, _): p
            default: nil
            }
        }

        public var isNew: Bool {
            switch self {
            case .newItem, .newCustomItem: true
            default: false
            }
        }
    }

    public var title: String
    public var target: Target
    public var fields: [Field] {
        didSet { if fields.count != oldValue.count { focus = min(focus, max(0, fields.count - 1)) } }
    }
    public var focus: Int
    /// An open drop-down for the focused choice field: the highlighted option.
    public var picker: Int?
    /// Why the last confirm was refused (shown under the fields).
    public var error: String?
    /// What the fields held when the form opened, so Esc can ask before throwing edits away.
    private var initial: [String: String]
    /// Letters typed in a row on a choice field (select-box type-ahead) and when the last came.
    private var typeahead = ""
    private var typeaheadAt: Duration = .zero

    public init(title: String, target: Target, fields: [Field]) {
        self.title = title
        self.target = target
        self.fields = fields
        focus = 0
        picker = nil
        error = nil
        initial = Dictionary(fields.map { ($0.key, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
    }

    public static func == (a: Form, b: Form) -> Bool {
        a.title == b.title && a.target == b.target && a.fields == b.fields && a.focus == b.focus
            && a.picker == b.picker && a.error == b.error
    }

    public subscript(key: String) -> Field? { fields.first { $0.key == key } }

    public func text(_ key: String) -> String { self[key]?.text ?? "" }
    public func choice(_ key: String) -> Int { self[key]?.choiceIndex ?? 0 }

    /// True when a field differs from what it held when the form opened (a field added by the
    /// form itself, such as an empty option slot, counts only once something is typed in it).
    public var isChanged: Bool {
        fields.contains { f in
            if let before = initial[f.key] { return before != f.fingerprint }
            return !f.text.isEmpty
        }
    }

    public enum Outcome: Equatable, Sendable { case editing, confirmed, cancelled }

    /// The pause after which typed letters start a new type-ahead search.
    public static let typeaheadPause: Duration = .seconds(1)

    /// Handles a key inside the form. `now` times the select-box type-ahead.
    public mutating func handle(_ key: Key, keymap: Keymap = .standard, now: Duration = .zero) -> Outcome {
        if picker != nil { return handlePicker(key, keymap, now) }
        guard fields.indices.contains(focus) else {
            return keymap.command(for: key, in: .form) == .formCancel ? .cancelled : .editing
        }
        let field = fields[focus]
        // Which command the key runs: the field's own context first, then the form's (the
        // text contexts fall back to the form's bindings).
        switch field.value {
        case .multiline(var area):
            // A printable key is text in a text field, whatever it is bound to elsewhere.
            if case .char(let c) = key {
                area.insert(String(c))
                fields[focus].value = .multiline(area)
                error = nil
                return .editing
            }
            guard var command = keymap.command(for: key, in: .textArea) else { return .editing }
            // Closing a text area means closing the form here: the key acts as in a field.
            if command == .textDone || command == .textDiscard {
                guard let inField = keymap.command(for: key, in: .textField) else { return .editing }
                command = inField
            }
            if let outcome = area.perform(command) {
                fields[focus].value = .multiline(area)
                switch outcome {
                case .leftUp: moveFocus(by: -1)
                case .leftDown: moveFocus(by: 1)
                default: break
                }
                error = nil
                return .editing
            }
            return run(command, now)
        case .text(var editor):
            if case .char(let c) = key {
                editor.insert(String(c))
                fields[focus].value = .text(editor)
                error = nil
                return .editing
            }
            guard let command = keymap.command(for: key, in: .textField) else { return .editing }
            if editor.perform(command) {
                fields[focus].value = .text(editor)
                error = nil
                return .editing
            }
            return run(command, now)
        case .choice, .multiChoice:
            if let command = keymap.command(for: key, in: .form) { return run(command, now) }
            if case .char(let c) = key { typeAhead(c, now) }
            return .editing
        }
    }

    private mutating func run(_ command: Command, _ now: Duration) -> Outcome {
        switch command {
        case .formCancel: return .cancelled
        case .formSave: return .confirmed
        case .formNextField: moveFocus(by: 1)
        case .formPreviousField: moveFocus(by: -1)
        case .formOpenList:
            switch fields[focus].value {
            case .choice(_, let i): picker = i
            case .multiChoice(let opts, _): if !opts.isEmpty { picker = 0 }
            default: break
            }
        case .formNextValue: step(1)
        case .formPreviousValue: step(-1)
        default: break
        }
        return .editing
    }

    private mutating func moveFocus(by delta: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + delta + fields.count) % fields.count
        typeahead = ""
        if case .multiline(var area) = fields[focus].value {
            area.moveCursor(toEnd: delta < 0)
            fields[focus].value = .multiline(area)
        }
    }

    private mutating func step(_ delta: Int) {
        guard case .choice(let opts, let i) = fields[focus].value, !opts.isEmpty else { return }
        fields[focus].value = .choice(opts, (i + delta + opts.count) % opts.count)
        typeahead = ""
    }

    /// Select-box type-ahead: a letter goes to the next option after the current one that
    /// starts with it (again and again cycles through them); letters typed in quick succession
    /// spell a prefix, searched from the current option on ("d" "a" finds Database after DNS).
    private mutating func typeAhead(_ c: Character, _ now: Duration) {
        if now - typeaheadAt > Form.typeaheadPause { typeahead = "" }
        typeaheadAt = now
        let letter = c.lowercased()
        let options: [String]
        let current: Int
        switch fields[focus].value {
        case .choice(let o, let i): (options, current) = (o, i)
        case .multiChoice(let o, _): (options, current) = (o, picker ?? 0)
        default: return
        }
        guard let found = Form.typeAhead(options, from: current, buffer: &typeahead, letter: letter) else { return }
        if case .choice(let o, _) = fields[focus].value { fields[focus].value = .choice(o, found) }
    }

    /// The option type-ahead lands on, updating the buffer. Nil when nothing starts so.
    static func typeAhead(_ options: [String], from current: Int, buffer: inout String, letter: String) -> Int? {
        guard !options.isEmpty else { return nil }
        let lowered = options.map { $0.lowercased() }
        let n = options.count
        let start = options.indices.contains(current) ? current : 0
        func search(_ prefix: String, from first: Int) -> Int? {
            (0..<n).lazy.map { (first + $0) % n }.first { lowered[$0].hasPrefix(prefix) }
        }
        let candidate = buffer + letter
        // The same letter again and again cycles (like pressing it once per option).
        let cycling = !buffer.isEmpty && candidate.allSatisfy { String($0) == letter }
        if !buffer.isEmpty && !cycling, let i = search(candidate, from: start) {
            buffer = candidate
            return i
        }
        buffer = cycling ? candidate : letter
        return search(letter, from: start + 1)
    }

    private mutating func handlePicker(_ key: Key, _ keymap: Keymap, _ now: Duration) -> Outcome {
        let options: [String]
        switch fields[focus].value {
        case .choice(let o, _), .multiChoice(let o, _): options = o
        default: picker = nil; return .editing
        }
        guard var p = picker, !options.isEmpty else { picker = nil; return .editing }
        switch keymap.command(for: key, in: .picker) {
        case .listClose?: picker = nil; return .editing
        case .listPick?:
            if case .choice(let o, _) = fields[focus].value { fields[focus].value = .choice(o, p) }
            picker = nil
            return .editing
        case .listToggle?:
            switch fields[focus].value {
            case .multiChoice(let o, var ticked):
                ticked[p].toggle()
                fields[focus].value = .multiChoice(o, ticked)
            case .choice(let o, _):
                fields[focus].value = .choice(o, p)
                picker = nil
                return .editing
            default: break
            }
        case .listDown?: p = min(options.count - 1, p + 1)
        case .listUp?: p = max(0, p - 1)
        case .listTop?: p = 0
        case .listBottom?: p = options.count - 1
        default:
            if case .char(let c) = key {
                if now - typeaheadAt > Form.typeaheadPause { typeahead = "" }
                typeaheadAt = now
                if let j = Form.typeAhead(options, from: p, buffer: &typeahead, letter: c.lowercased()) { p = j }
            }
        }
        picker = p
        return .editing
    }

    /// Pastes text into the focused text field.
    public mutating func paste(_ s: String) {
        guard fields.indices.contains(focus) else { return }
        switch fields[focus].value {
        case .text(var editor):
            editor.insert(s)
            fields[focus].value = .text(editor)
        case .multiline(var area):
            area.insert(s)
            fields[focus].value = .multiline(area)
        default: break
        }
    }
}
