import DesignModel
import Foundation
/// One line of the config file's `[keys.CONTEXT]` tables: `KEY = "command.id"` (or `"none"` to
/// unbind the key), with the line it is on.
public struct KeyOverride: Equatable, Sendable {
    public var context: String
    public var key: String
    public var action: String
    public var line: Int?

    public init(context: String, key: String, action: String, line: Int? = nil) {
        self.context = context
        self.key = key
        self.action = action
        self.line = line
    }
}

/// A problem with the user's key bindings: which line, and what is wrong.
public struct KeymapProblem: Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String
    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}

extension Keymap {
    /// The keymap with the user's bindings applied, and what could not be applied. A binding
    /// takes the key away from whatever else had it in the same context; the command keeps
    /// its other keys. `"none"` unbinds a key. Problems: an unknown context, key or command, a
    /// printable key in a context where it types text, a command that does nothing in that
    /// context, two lines binding the same key, and a global key the context hides.
    public func applying(_ overrides: [KeyOverride]) -> (keymap: Keymap, problems: [KeymapProblem]) {
        var map = self
        var problems: [KeymapProblem] = []
        var seen: [String: Int?] = [:]
        let contexts = Dictionary(KeyContext.allCases.map { ($0.configName, $0) }, uniquingKeysWith: { a, _ in a })
        let commands = Dictionary(Command.allCases.map { ($0.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        for o in overrides {
            func problem(_ m: String) { problems.append(KeymapProblem(line: o.line, message: m)) }
            guard let context = contexts[o.context.lowercased()] else {
                problem("unknown key context [keys.\(o.context)]\(Keymap.suggest(o.context, among: contexts.keys.sorted())); "
                        + "contexts: \(KeyContext.allCases.map(\.configName).joined(separator: ", "))")
                continue
            }
            guard let key = Key.parse(o.key) else {
                problem("unknown key \"\(o.key)\" — write a character (x), a name (Enter, Esc, Tab, PgDn, F2) or Ctrl-x / Alt-x")
                continue
            }
            let id = "\(context.configName) \(key)"
            if let first = seen[id] {
                problem("\(key) is bound twice in [keys.\(context.configName)]" + (first.map { " (also on line \($0))" } ?? ""))
                continue
            }
            seen[id] = o.line
            if context.typesText && key.isPrintable {
                problem("\(key) types text in \(context.rawValue.lowercased()), so it cannot run a command there")
                continue
            }
            let action = o.action.trimmingCharacters(in: .whitespaces)
            let command: Command?
            if action.lowercased() == "none" {
                command = nil
            } else if let c = commands[action] {
                guard c.works(in: context) else {
                    problem("\(action) does nothing in [keys.\(context.configName)]; it belongs in [keys.\(c.homeContext.configName)]")
                    continue
                }
                command = c
            } else {
                problem("unknown command \"\(action)\"\(Keymap.suggestID(for: action, among: commands.keys.sorted())) — "
                        + "`?` in the workspace lists the ids beside the keys")
                continue
            }
            map.unbind(key, in: context)
            if let command { map.bindings.append(Binding(context, [key], command)) }
        }
        // A global key hidden by a screen's own binding of the same key never runs there.
        for o in overrides where o.context.lowercased() == "global" {
            guard let key = Key.parse(o.key), let cmd = map.command(for: key, in: .global) else { continue }
            for screen in [KeyContext.panes, .checklist, .diagram, .steps, .sequence, .review, .estimates] {
                if let other = map.bindings.first(where: { $0.context == screen && $0.keys.contains(key) }), other.command != cmd {
                    problems.append(KeymapProblem(line: o.line, message: "\(key) in [keys.global] is hidden in \(screen.configName) by \(other.command.rawValue); bind it there too, or unbind it there with \"none\""))
                }
            }
        }
        return (map, problems)
    }

    /// Removes a key from every binding of a context.
    mutating func unbind(_ key: Key, in context: KeyContext) {
        for i in bindings.indices where bindings[i].context == context { bindings[i].keys.removeAll { $0 == key } }
        bindings.removeAll { $0.keys.isEmpty }
    }

    /// " (did you mean …?)" for a near miss.
    /// A palette name (`w`, `:quit`) or a command's title ("Save") written where an id
    /// belongs names the id; otherwise the nearest id by spelling.
    static func suggestID(for action: String, among ids: [String]) -> String {
        let word = action.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        if let c = CommandTable.all.first(where: { $0.command != nil && ([$0.name] + $0.aliases).contains(word) }),
           let id = c.command?.rawValue {
            return " (:\(c.name) in the palette; the id to bind is \(id))"
        }
        if let c = Command.allCases.first(where: { $0.title.lowercased() == word }) {
            return " (the id of \"\(c.title)\" is \(c.rawValue))"
        }
        return suggest(action, among: ids)
    }

    static func suggest(_ word: String, among: [String]) -> String {
        let w = word.lowercased()
        let best = among.map { ($0, distance(w, $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (name, d) = best, d <= max(2, w.count / 4) else { return "" }
        return " (did you mean \(name)?)"
    }

    static func distance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}

extension Command {
    /// The context a command acts in when it is not a screen command.
    var homeContext: KeyContext {
        let r = rawValue
        if r.hasPrefix("form.") { return .form }
        if r.hasPrefix("list.") { return .picker }
        if r.hasPrefix("text.") {
            return [.newLine, .lineUp, .lineDown, .textPageUp, .textPageDown, .textDone, .textDiscard, .indent]
                .contains(self) ? .textArea : .textField
        }
        if r.hasPrefix("dialog.") { return .dialog }
        if r.hasPrefix("palette.") { return .palette }
        if r.hasPrefix("conflict.") { return .conflicts }
        if r.hasPrefix("table.") { return .table }
        if r.hasPrefix("step.") { return .steps }
        if r.hasPrefix("sequence.") { return .sequence }
        if r.hasPrefix("review.") { return .review }
        if r.hasPrefix("question.") { return .question }
        return .panes
    }

    /// Whether binding the command in a context can do anything.
    func works(in context: KeyContext) -> Bool {
        switch homeContext {
        case .panes: return [.global, .panes, .checklist, .diagram, .interview, .conflicts, .steps, .sequence, .review, .estimates].contains(context)
        case .conflicts: return [.global, .panes, .conflicts].contains(context)
        case .textField: return [.textField, .textArea].contains(context)
        case .form: return [.form, .textField, .textArea, .picker].contains(context)
        default: return homeContext == context
        }
    }
}
