import DesignExport
import DesignModel
import Foundation

extension Workspace {
    /// Every command the palette offers, from the command table, with the keys bound to it.
    public static func paletteEntries(_ keymap: Keymap) -> [Palette.Entry] {
        CommandTable.all.map { c in
            Palette.Entry(name: c.name, aliases: c.aliases, argument: c.argument.hint, title: c.doc,
                          keys: c.command.map { keymap.keyText(for: $0) } ?? "", id: c.command?.rawValue ?? "")
        }
    }

    static func paletteKey(_ state: inout AppState, _ palette: inout Palette, _ key: Key,
                           _ env: Environment) -> [Effect] {
        let matches = Palette.matches(palette.typedName, in: paletteEntries(state.keymap))
        switch state.keymap.command(for: key, in: .palette) {
        case .paletteClose?:
            return []
        case .paletteDown?:
            palette.selected = min(palette.selected + 1, max(0, matches.count - 1))
        case .paletteUp?:
            palette.selected = max(0, palette.selected - 1)
        case .paletteComplete?:
            complete(&palette, matches, env)
        case .paletteRun?:
            return runPalette(&state, palette, matches, env)
        default:
            if palette.editor.text.isEmpty, state.keymap.command(for: key, in: .textField) == .deleteBack { return [] }
            palette.editor.handle(key, keymap: state.keymap)
            palette.selected = 0
            palette.candidates = []
            palette.candidate = nil
        }
        state.overlays.append(.palette(palette))
        return []
    }

    /// Tab: completes the command word to the highlighted match, or the argument (a path, a
    /// theme). Several candidates: the common prefix goes on the line and the candidates show
    /// in the list; Tab again puts each in turn on the line.
    static func complete(_ palette: inout Palette, _ matches: [Palette.Entry], _ env: Environment) {
        let text = palette.editor.text
        if !text.contains(" ") {
            completeName(&palette, matches)
            return
        }
        let name = palette.typedName
        if !palette.candidates.isEmpty {
            let next = ((palette.candidate ?? -1) + 1) % palette.candidates.count
            palette.candidate = next
            palette.editor.setText(name + " " + palette.candidates[next])
            return
        }
        guard let command = CommandTable.named(name) else { return }
        let arg = palette.typedArgument
        let candidates: [String]
        switch command.completion {
        case .path: candidates = env.completePath(arg)
        case .theme: candidates = env.themeNames().filter { $0.hasPrefix(arg) }
        case .none, .text: return
        }
        guard !candidates.isEmpty else { return }
        palette.editor.setText(name + " " + commonPrefix(candidates))
        if candidates.count > 1 {
            palette.candidates = candidates
            palette.candidate = nil
        }
    }

    /// Tab on the command word: one match is completed (with a space when it takes an
    /// argument); several put their common prefix on the line and list themselves, and each
    /// further Tab puts the next one on the line, as a shell's menu completion does.
    static func completeName(_ palette: inout Palette, _ matches: [Palette.Entry]) {
        if !palette.candidates.isEmpty {
            let next = ((palette.candidate ?? -1) + 1) % palette.candidates.count
            palette.candidate = next
            palette.editor.setText(palette.candidates[next])
            return
        }
        guard !matches.isEmpty else { return }
        if matches.count == 1 {
            let e = matches[0]
            palette.editor.setText(e.name + (e.argument.isEmpty ? "" : " "))
            return
        }
        let names = matches.map(\.name)
        let typed = palette.typedName.lowercased()
        let prefix = commonPrefix(names)
        palette.candidates = names
        if prefix.count > typed.count && prefix.lowercased().hasPrefix(typed) {
            palette.editor.setText(prefix)
            palette.candidate = nil
        } else {
            palette.candidate = 0
            palette.editor.setText(names[0])
        }
    }

    static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first else { return "" }
        for s in items.dropFirst() {
            while !s.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    static func runPalette(_ state: inout AppState, _ palette: Palette, _ matches: [Palette.Entry],
                           _ env: Environment) -> [Effect] {
        let name = palette.typedName
        let arg = palette.typedArgument
        if name.isEmpty { return [] }
        // A command word typed in full, else the highlighted match when nothing else was typed.
        let command: TypableCommand
        if let exact = CommandTable.named(name) {
            command = exact
        } else if arg.isEmpty, matches.indices.contains(palette.selected), let c = CommandTable.named(matches[palette.selected].name) {
            if case .required = c.argument {
                // A command that needs an argument: put it on the line instead of running it.
                var p = palette
                p.editor.setText(c.name + " ")
                state.overlays.append(.palette(p))
                return []
            }
            command = c
        } else {
            state.message = StatusMessage("Unknown command: \(name) — press : and Tab to browse commands", .error)
            return [.bell]
        }
        if command.argument == .none && !arg.isEmpty {
            state.message = StatusMessage(":\(command.name) takes no argument", .error)
            return [.bell]
        }
        return command.run(&state, arg, env)
    }

    /// `design.json` → `design.md`.
    public static func defaultExportPath(_ file: String) -> String {
        let base = (file as NSString).deletingPathExtension
        return (base.isEmpty ? "design" : base) + ".md"
    }

    /// The export format for a path's extension (the same table as `sysdraft export -o`):
    /// Markdown unless it says otherwise.
    public static func exportFormat(_ path: String) -> String {
        ExportFormat(path: path)?.rawValue ?? ExportFormat.markdown.rawValue
    }

}
