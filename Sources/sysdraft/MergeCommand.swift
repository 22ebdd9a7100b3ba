import ArgumentParser
import DesignDiff
import DesignExport
import DesignModel
import DesignStorage
import Foundation

/// `sysdraft merge BASE OURS THEIRS [-o OUT]`: a three-way merge by item id, usable as git's
/// merge driver. The merging is `DesignMerger` (pure); this loads, writes and reports.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two designs that changed the same base, item by item (a git merge driver).",
        discussion: """
            Changes to different items, or to different fields of one item, merge. Lists keep \
            ours' order unless only theirs reordered; items theirs added go after the item \
            that precedes them on their side. Checklist ticks merge as sets. When both sides \
            added an item under the same id, theirs gets a new id (references follow).

            Conflicts — a field changed differently on both sides, an item deleted on one side \
            and changed on the other, an item deleted while the other side refers to it — are \
            written into the design's "conflicts" list with the base, ours and theirs values, \
            so nothing is lost: the design holds ours for a field, and keeps the item that was \
            deleted. `sysdraft validate` fails while any remain; `sysdraft resolve FILE` lists \
            and resolves them.

            The result goes to OURS unless -o says otherwise (`-o -` for standard output), \
            which is what git expects of a merge driver:
              git config merge.sysdraft.driver "sysdraft merge %O %A %B --name %P"

            Exit status: 0 merged cleanly, 1 conflicts remain (the file is written), 2 trouble \
            (a file missing, unreadable or not a valid design; nothing is written).
            """
    )

    @Argument(help: "The common ancestor (git's %O).", completion: .designFile)
    var base: String

    @Argument(help: "Our version (git's %A); the result is written here unless -o is given.", completion: .designFile)
    var ours: String

    @Argument(help: "Their version (git's %B).", completion: .designFile)
    var theirs: String

    @Option(name: [.short, .customLong("output")], help: "Write the result here instead of OURS ('-' for standard output).")
    var output: String?

    @Option(help: "The file's name in messages (git's %P).")
    var name: String?

    @Flag(name: .shortAndLong, help: "Do not mention ids that were renamed.")
    var quiet = false

    func run() throws {
        let loaded = try DiffCommand.loadAll([base, ours, theirs])
        let b = loaded[0], o = loaded[1], t = loaded[2]
        let outcome: MergeOutcome
        do { outcome = try DesignMerger.merge(base: b, ours: o, theirs: t) } catch {
            printError("could not merge: \(error)")
            throw ExitCode(2)
        }
        let target = output ?? ours
        if target == "-" {
            // The same JSON value, with controls, bidi and invisible characters as \uXXXX.
            do { FileHandle.standardOutput.write(Data(try JSONExport.render(outcome.design).utf8)) } catch {
                printError("could not write the result: \(error)")
                throw ExitCode(2)
            }
        } else {
            do { try DesignFile.save(outcome.design, to: target) } catch {
                printError(error)
                throw ExitCode(2)
            }
        }
        let label = name ?? (target == "-" ? ours : target)
        for r in outcome.renamed where !quiet {
            printError("\(label): both sides added \(r.from) in \(r.list); theirs is now \(r.to)")
        }
        if outcome.isClean { return }
        let fresh = outcome.newConflicts
        let earlier = outcome.design.conflicts.count - fresh.count
        printError("\(label): \(fresh.count) conflict" + (fresh.count == 1 ? "" : "s")
            + (earlier > 0 ? " (and \(earlier) unresolved from before)" : "") + ":")
        for c in fresh.prefix(20) { printError("  \(c.id) \(c.path): \(c.note)") }
        if fresh.count > 20 { printError("  … and \(fresh.count - 20) more") }
        printError("resolve them with `sysdraft resolve \(label)`; `sysdraft validate` fails until then")
        throw ExitCode(1)
    }
}
