import DesignModel
import Foundation

/// A command typed after `:` — name, aliases, argument, completion and help, and what it does.
/// One table (`CommandTable.all`) drives the palette's list, `:` parsing, Tab completion and
/// the help screen, as helix's typable-command table does.
public struct TypableCommand: Sendable {
    public enum Argument: Equatable, Sendable {
        case none
        /// An argument that may be left out ("[PATH]").
        case optional(String)
        /// An argument the command needs ("FILE").
        case required(String)

        public var hint: String {
            switch self {
            case .none: ""
            case .optional(let h): "[\(h)]"
            case .required(let h): h
            }
        }
    }

    /// What Tab completes in the argument.
    public enum Completion: Equatable, Sendable { case none, path, theme, text }

    public let name: String
    public let aliases: [String]
    public let argument: Argument
    public let completion: Completion
    public let doc: String
    /// The keymap command it runs, if any (its keys are shown beside it).
    public let command: Command?
    let run: @Sendable (inout AppState, String, Environment) -> [Effect]

    public init(_ name: String, aliases: [String] = [], argument: Argument = .none, completion: Completion = .none,
                doc: String, command: Command? = nil,
                run: @escaping @Sendable (inout AppState, String, Environment) -> [Effect]) {
        self.name = name
        self.aliases = aliases
        self.argument = argument
        self.completion = completion
        self.doc = doc
        self.command = command
        self.run = run
    }

    /// Every word that runs it.
    public var names: [String] { [name] + aliases }
}

public enum CommandTable {
    /// Ex-style commands with arguments first, then one per list of items, then every keymap
    /// command that has no typed form of its own (under its palette name or id).
    public static let all: [TypableCommand] = typed + kinds + fromKeymap

    static let typed: [TypableCommand] = [
        TypableCommand("w", aliases: ["write"], argument: .optional("PATH"), completion: .path,
                       doc: "Save (to PATH: save as)", command: .save) { s, arg, _ in
            Workspace.save(&s, to: arg.isEmpty ? nil : arg)
        },
        TypableCommand("w!", aliases: ["write!"], argument: .optional("PATH"), completion: .path,
                       doc: "Save even over a write-protected or changed file") { s, arg, _ in
            Workspace.saveOverriding(&s, to: arg.isEmpty ? nil : arg)
        },
        TypableCommand("q", aliases: ["quit"], doc: "Quit (asks when there are unsaved changes)", command: .quit) { s, _, _ in
            Workspace.quit(&s)
        },
        TypableCommand("q!", aliases: ["quit!"], doc: "Quit without saving", command: .forceQuit) { s, _, _ in
            s.quitting = true
            return [.quit]
        },
        TypableCommand("wq", argument: .optional("PATH"), completion: .path, doc: "Save and quit") { s, arg, _ in
            if s.readOnly && arg.isEmpty { return Workspace.readOnlyRefusal(&s) }
            s.quitting = true
            return [.save(s.design, path: arg.isEmpty ? s.filePath : arg)]
        },
        TypableCommand("x", aliases: ["xit"], doc: "Save if changed and quit") { s, _, _ in
            if !s.isDirty {
                s.quitting = true
                return [.quit]
            }
            if s.readOnly { return Workspace.readOnlyRefusal(&s) }
            s.quitting = true
            return [.save(s.design, path: s.filePath)]
        },
        TypableCommand("e", aliases: ["edit"], argument: .required("FILE"), completion: .path,
                       doc: "Open another design") { s, arg, _ in
            Workspace.open(&s, arg, force: false)
        },
        TypableCommand("e!", aliases: ["edit!"], argument: .required("FILE"), completion: .path,
                       doc: "Open another design, dropping unsaved changes") { s, arg, _ in
            Workspace.open(&s, arg, force: true)
        },
        TypableCommand("export", argument: .optional("PATH"), completion: .path,
                       doc: "Export: .md report (default), .mmd, .dot, .json; --only-started, --hide-unticked") { s, arg, _ in
            let parsed: (path: String, flags: ReportFlags)
            do { parsed = try ReportFlags.split(arg) } catch {
                s.message = StatusMessage((error as? ReportFlags.UnknownFlag)?.message ?? "\(error)", .error)
                return [.bell]
            }
            let path = parsed.path.isEmpty ? Workspace.defaultExportPath(s.filePath) : parsed.path
            return [.export(s.design, path: path, format: Workspace.exportFormat(path), report: parsed.flags)]
        },
        TypableCommand("config", aliases: ["settings"], doc: "Where config.toml is and what is wrong in it") { s, _, _ in
            s.overlays.append(.info(title: "Settings", lines: Workspace.configLines(s), scroll: 0))
            return []
        },
        TypableCommand("theme", argument: .required("NAME"), completion: .theme, doc: "Switch the colour theme") { s, arg, env in
            guard !arg.isEmpty else {
                s.message = StatusMessage("Themes: " + env.themeNames().joined(separator: ", "), .info)
                return []
            }
            return [.setTheme(arg)]
        },
        TypableCommand("filter", argument: .optional("TEXT"), completion: .text, doc: "Filter the focused list") { s, arg, _ in
            s.filters[s.focus] = arg.isEmpty ? nil : arg
            Workspace.select(&s, s.focus, 0)
            return []
        },
        TypableCommand("title", argument: .optional("TEXT"), completion: .text,
                       doc: "Set the design's title (no text: edit title and problem)", command: .editDesignInfo) { s, arg, env in
            if s.readOnly { return Workspace.readOnlyRefusal(&s) }
            guard !arg.isEmpty else {
                s.overlays.append(.form(ItemForms.designInfo(s.design)))
                return []
            }
            if Workspace.mutate(&s, "Set the title", env, { $0.title = arg }) {
                s.message = StatusMessage("Title: \(arg)", .success)
            }
            return []
        },
        TypableCommand("problem", doc: "Edit the problem statement (several lines)") { s, _, _ in
            if s.readOnly { return Workspace.readOnlyRefusal(&s) }
            s.overlays.append(.form(ItemForms.designInfo(s.design, focusProblem: true)))
            return []
        },
    ]

    /// `:risks`, `:components`, … go to that list.
    static let kinds: [TypableCommand] = ItemKinds.all.map { kind in
        TypableCommand(kind.pane.rawValue, aliases: kind.shortTitle.lowercased() == kind.pane.rawValue ? [] : [kind.shortTitle.lowercased()],
                       doc: "Go to \(kind.title)") { s, _, _ in
            s.screen = .panes
            Workspace.focus(&s, kind.pane)
            return []
        }
    }

    static let fromKeymap: [TypableCommand] = {
        let taken = Set((typed + kinds).flatMap(\.names))
        let covered = Set((typed + kinds).compactMap(\.command))
        return Command.allCases.filter { !$0.isInline && !covered.contains($0) && $0.paneNumber == nil }.compactMap { c in
            let name = c.paletteName ?? c.rawValue
            guard !taken.contains(name) else { return nil }
            return TypableCommand(name, doc: c.title, command: c) { s, _, env in Workspace.perform(&s, c, env) }
        }
    }()

    /// The command a typed word names exactly (name or alias).
    public static func named(_ word: String) -> TypableCommand? {
        all.first { $0.names.contains(word) }
    }
}

extension Workspace {
    /// `:e FILE` — refuses to drop unsaved changes unless forced.
    static func open(_ state: inout AppState, _ path: String, force: Bool) -> [Effect] {
        guard !path.isEmpty else {
            state.message = StatusMessage(":e needs a file name", .error)
            return []
        }
        if state.isDirty && !force {
            state.message = StatusMessage("Unsaved changes: :w first, or :e! \(path) to drop them", .error)
            return [.bell]
        }
        return [.open(path: path)]
    }
}
