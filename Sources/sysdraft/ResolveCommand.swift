import ArgumentParser
import DesignDiff
import DesignModel
import DesignStorage
import Foundation

/// `sysdraft resolve FILE [ID…] [--take ours|theirs|base | --value JSON]`: lists the merge
/// conflicts recorded in a design, or resolves them. The resolving is `ConflictResolution`.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "List or resolve the merge conflicts recorded in a design.",
        discussion: """
            Without IDs or a choice, lists each conflict: its id, where it is, what happened, \
            and the base, ours and theirs values (JSON). With a choice, resolves the named \
            conflicts (or all with --all): --take ours|theirs|base, or --value with the JSON \
            to write (for a whole item, its JSON object). A choice that would leave the design \
            inconsistent (a flow pointing at a component that is gone) is refused with the \
            reason; resolve the other conflict first.

            Exit status: 0 no conflicts remain, 1 some remain, 2 trouble (the file cannot be \
            read, or a choice cannot be applied; nothing is written then).
            """
    )

    enum Take: String, ExpressibleByArgument, CaseIterable { case ours, theirs, base }

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Argument(help: "Conflict ids (conflict-3) to resolve.")
    var ids: [String] = []

    @Option(help: "Resolve by taking ours, theirs or base.")
    var take: Take?

    @Option(help: "Resolve one conflict by writing this JSON value.")
    var value: String?

    @Flag(help: "Resolve every conflict (with --take).")
    var all = false

    func validate() throws {
        if take != nil && value != nil { throw ValidationError("give --take or --value, not both") }
        if value != nil && (ids.count != 1 || all) { throw ValidationError("--value resolves exactly one conflict: give its id") }
        if (take != nil || value != nil) && ids.isEmpty && !all { throw ValidationError("name the conflicts to resolve, or pass --all") }
        if (!ids.isEmpty || all) && take == nil && value == nil { throw ValidationError("say how to resolve: --take ours|theirs|base or --value JSON") }
    }

    func run() throws {
        var design: Design
        do { design = try DesignFile.load(file) } catch {
            printError(error)
            throw ExitCode(2)
        }
        guard take != nil || value != nil else {
            list(design)
            if !design.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        let choice: ConflictResolution.Choice = value.map { .value($0) } ?? {
            switch take! {
            case .ours: .ours
            case .theirs: .theirs
            case .base: .base
            }
        }()
        do {
            if all {
                design = try ConflictResolution.resolveAll(design, choice)
            } else {
                for id in ids { design = try ConflictResolution.resolve(design, ItemID(id), choice) }
            }
        } catch {
            printError("\(file): \(error.description); the file was not changed")
            throw ExitCode(2)
        }
        design.touch(Date())
        do { try DesignFile.save(design, to: file) } catch {
            printError(error)
            throw ExitCode(2)
        }
        say("\(file): \(design.conflicts.count) conflict" + (design.conflicts.count == 1 ? "" : "s") + " left")
        if !design.conflicts.isEmpty { throw ExitCode(1) }
    }

    func list(_ design: Design) {
        if design.conflicts.isEmpty {
            say("\(file): no merge conflicts")
            return
        }
        for c in design.conflicts {
            say("\(c.id)  \(c.path.isEmpty ? "(the whole design)" : c.path)")
            say("    \(c.note.isEmpty ? c.reason.rawValue : c.note)")
            for (side, v) in [("base", c.base), ("ours", c.ours), ("theirs", c.theirs)] {
                let shown = v.map { $0.count > 300 ? String($0.prefix(299)) + "…" : $0 } ?? "(absent)"
                say("    \(side.padding(toLength: 7, withPad: " ", startingAt: 0)) \(shown)")
            }
        }
    }
}
