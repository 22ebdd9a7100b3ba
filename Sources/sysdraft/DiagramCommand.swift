import ArgumentParser
import DesignExport
import DesignModel
import DiagramLayout
import Foundation

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw a design's components and flows as boxes and arrows in text.",
        discussion: """
            Async flows are dashed, two-way flows have arrowheads at both ends, each box carries \
            its kind ([LB], [DB], [Q], …) and groups are framed with their names. Every flow is \
            drawn with its label in full where there is room; a label that cannot fit becomes a \
            numbered reference explained under the drawing.

            The drawing runs the way the design says (top-down unless it was switched in the \
            workspace with o); --direction overrides it. It is fitted to --width columns (the \
            terminal's width when standard output is a terminal): labels wrap, boxes get \
            narrower, the other direction is tried (without --direction), long labels become \
            references, wide layers are split. A drawing that still does not fit is printed \
            anyway with a note on standard error.

            --focus, --group and --kinds draw part of the design: a component and its \
            neighbours (--depth flows away, 1 by default), the components of a group (by id or \
            name, nested groups included), or the components of some kinds.
            """
    )

    enum DirectionChoice: String, ExpressibleByArgument, CaseIterable {
        case tb, lr
        init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    }

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Flag(help: "Plain ASCII instead of Unicode box drawing.")
    var ascii = false

    @Option(help: "tb (top to bottom) or lr (left to right), either case; default: the design's.")
    var direction: DirectionChoice?

    @Option(help: "Fit the drawing in this many columns (default: the terminal's width, when writing to one).")
    var width: Int?

    @Option(help: "Draw only this component (id or name) and its neighbours.")
    var focus: String?

    @Option(help: "With --focus: how many flows away neighbours may be (1 or more).")
    var depth: Int = 1

    @Option(help: "Draw only the components of this group (id or name).")
    var group: String?

    @Option(help: "Draw only components of these kinds, comma-separated (service,database,…).")
    var kinds: String?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
        if depth < 1 { throw ValidationError("--depth must be 1 or more") }
        if [focus != nil, group != nil, kinds != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --focus, --group and --kinds")
        }
        if focus == nil && depth != 1 { throw ValidationError("--depth goes with --focus") }
        if let kinds {
            for k in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where Component.Kind(rawValue: k) == nil {
                throw ValidationError("unknown kind \"\(Output.line(k))\"; kinds: "
                    + Component.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
    }

    func run() throws {
        let design = try loadOrExit(file)
        if design.components.isEmpty {
            // A valid design with nothing to draw yet: not an error, nothing on stdout.
            printError("\(file): the design has no components yet; nothing to draw")
            return
        }
        let selection = try selection(in: design)
        if DesignDiagram.components(design, selection).isEmpty {
            printError("\(file): nothing to draw for \(Output.line(selection.describe(in: design)))")
            return
        }
        let chosen: DiagramDirection? = switch self.direction {
        case .tb: .topToBottom
        case .lr: .leftToRight
        case nil: nil
        }
        let limit = width ?? TerminalSize.columnsOfStandardOutput()
        let fitted = DesignDiagram.layout(design, selection: selection, direction: chosen, ascii: ascii, width: limit)
        FileHandle.standardOutput.write(Data(fitted.diagram.text().utf8))
        if let limit, !fitted.fits {
            printError("the drawing is \(fitted.diagram.width) columns wide, more than \(limit)"
                + (width == nil ? " (the terminal's width)" : "") + "; even with numbered labels and split layers it does not fit")
        }
    }

    /// The part of the design to draw, from --focus / --group / --kinds.
    func selection(in design: Design) throws -> DiagramSelection {
        if let focus {
            guard let c = design.components.first(where: { $0.id.rawValue == focus })
                ?? design.components.first(where: { $0.name.caseInsensitiveCompare(focus) == .orderedSame }) else {
                throw ValidationError("no component \"\(Output.line(focus))\" in \(file)")
            }
            return .focus(c.id, depth: depth)
        }
        if let group {
            guard let g = design.groups.first(where: { $0.id.rawValue == group })
                ?? design.groups.first(where: { $0.name.caseInsensitiveCompare(group) == .orderedSame }) else {
                let known = design.groups.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
                throw ValidationError("no group \"\(Output.line(group))\" in \(file)" + (known.isEmpty ? "; it has no groups" : "; groups: \(Output.line(known))"))
            }
            return .group(g.id)
        }
        if let kinds {
            let set = Set(kinds.split(separator: ",").compactMap { Component.Kind(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
            return .kinds(set)
        }
        return .all
    }
}

/// The terminal's width, when standard output is one.
enum TerminalSize {
    static func columnsOfStandardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c >= 20 { return c }
        return nil
    }
}
