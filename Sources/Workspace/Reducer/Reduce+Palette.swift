import DesignModel
import Foundation

extension Workspace {
    /// Every command the palette offers: the ex-style ones with arguments first, then every
    /// keymap command under its palette name.
    public static func paletteEntries(_ keymap: Keymap) -> [Palette.Entry] {
        var entries: [Palette.Entry] = [
            .init(name: "w", argument: "[PATH]", title: "Save (to PATH: save as)", keys: keymap.keyText(for: .save)),
            .init(name: "q", title: "Quit (asks when there are unsaved changes)", keys: keymap.keyText(for: .quit)),
            .init(name: "q!", title: "Quit without saving"),
            .init(name: "wq", title: "Save and quit"),
            .init(name: "x", title: "Save if changed and quit"),
            .init(name: "e", argument: "FILE", title: "Open another design (e! drops unsaved changes)"),
            .init(name: "export", argument: "[PATH]", title: "Export a report: .md (default), .mmd, .dot, .json"),
            .init(name: "theme", argument: "NAME", title: "Switch the colour theme"),
            .init(name: "filter", argument: "TEXT", title: "Filter the focused pane"),
        ]
        let covered: Set<String> = ["w", "q", "q!"]
        for c in Command.allCases where !c.isInline {
            let name = c.paletteName ?? c.rawValue
            if covered.contains(name) { continue }
            entries.append(.init(name: name, title: c.title, keys: keymap.keyText(for: c)))
        }
        return entries
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
        }
        state.overlays.append(.palette(palette))
        return []
    }

    /// Tab: completes the command word to the highlighted match, or a path argument from disk.
    static func complete(_ palette: inout Palette, _ matches: [Palette.Entry], _ env: Environment) {
        let text = palette.editor.text
        if !text.contains(" ") {
            guard matches.indices.contains(palette.selected) else { return }
            let e = matches[palette.selected]
            palette.editor.setText(e.name + (e.argument.isEmpty ? "" : " "))
            return
        }
        let name = palette.typedName
        guard ["w", "e", "e!", "export", "theme"].contains(name) else { return }
        let arg = palette.typedArgument
        let candidates = name == "theme" ? env.themeNames().filter { $0.hasPrefix(arg) } : env.completePath(arg)
        guard !candidates.isEmpty else { return }
        palette.editor.setText(name + " " + commonPrefix(candidates))
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
        switch name {
        case "w", "write":
            return save(&state, to: arg.isEmpty ? nil : arg)
        case "q", "quit":
            return quit(&state)
        case "q!", "quit!":
            state.quitting = true
            return [.quit]
        case "wq", "x":
            if name == "x" && !state.isDirty {
                state.quitting = true
                return [.quit]
            }
            if state.readOnly && arg.isEmpty { return readOnlyRefusal(&state) }
            state.quitting = true
            return [.save(state.design, path: arg.isEmpty ? state.filePath : arg)]
        case "e", "e!", "edit":
            guard !arg.isEmpty else {
                state.message = StatusMessage(":e needs a file name", .error)
                return []
            }
            if state.isDirty && name != "e!" {
                state.message = StatusMessage("Unsaved changes: :w first, or :e! \(arg) to drop them", .error)
                return [.bell]
            }
            return [.open(path: arg)]
        case "export":
            let path = arg.isEmpty ? defaultExportPath(state.filePath) : arg
            return [.export(state.design, path: path, format: exportFormat(path))]
        case "theme":
            guard !arg.isEmpty else {
                state.message = StatusMessage("Themes: " + env.themeNames().joined(separator: ", "), .info)
                return []
            }
            return [.setTheme(arg)]
        case "filter":
            state.filters[state.focus] = arg.isEmpty ? nil : arg
            select(&state, state.focus, 0)
            return []
        default:
            break
        }
        // A command word typed in full, else the highlighted match when nothing else was typed.
        let entries = paletteEntries(state.keymap)
        let exact = entries.first { $0.name == name }
        let chosen = exact ?? (arg.isEmpty && matches.indices.contains(palette.selected) ? matches[palette.selected] : nil)
        guard let entry = chosen else {
            state.message = StatusMessage("Unknown command: \(name) — press : and Tab to browse commands", .error)
            return [.bell]
        }
        if entry.name != name, !entry.argument.isEmpty {
            // A command that needs an argument: put it on the line instead of running it.
            var p = palette
            p.editor.setText(entry.name + " ")
            state.overlays.append(.palette(p))
            return []
        }
        if entry.name != name, ["w", "q", "q!", "wq", "x", "e", "export", "theme", "filter"].contains(entry.name) {
            var p = palette
            p.editor.setText(entry.name)
            return runPalette(&state, p, [], env)
        }
        guard let command = Command.allCases.first(where: { ($0.paletteName ?? $0.rawValue) == entry.name }) else {
            return []
        }
        return perform(&state, command, env)
    }

    /// `design.json` → `design.md`.
    public static func defaultExportPath(_ file: String) -> String {
        let base = (file as NSString).deletingPathExtension
        return (base.isEmpty ? "design" : base) + ".md"
    }

    /// The export format for a path's extension: markdown unless it says otherwise.
    public static func exportFormat(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "mmd", "mermaid": "mermaid"
        case "dot", "gv": "dot"
        case "json": "json"
        default: "markdown"
        }
    }
}
