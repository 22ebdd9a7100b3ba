import ArgumentParser
import DesignDiff
import DesignExport
import DesignModel
import DesignStorage
import Foundation

/// `sysdraft diff OLD NEW [--format text|markdown|json]`: what changed, item by item.
/// The comparing and rendering are `DiffReport` (pure); this loads, picks the form and prints.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two designs, item by item.",
        discussion: """
            Items are matched by id in every list (components, flows, decisions, checklist \
            items, …): added, removed, and for changed ones each field with its old and new \
            value; then decisions whose status changed, checklist progress per stage and a \
            one-line summary. The modified time is not compared.

            --format text (default; coloured on a terminal unless NO_COLOR is set), markdown \
            (for a pull request) or json: {"added": [IDS], "removed": [IDS], "changed": \
            [{"id": ID, "fields": [NAMES]}]} — a stage's id is its key, the design's own \
            fields (title, problem) are under the id "design".

            Exit status, as diff(1): 0 the designs are the same, 1 they differ, 2 trouble \
            (a file is missing, unreadable or not a valid design). A wrong command line exits 64.

            As git's external diff (git config diff.sysdraft.command "sysdraft diff --git"), \
            git passes seven arguments (path, old file, old hash, old mode, new file, new hash, \
            new mode); sysdraft prints the diff under a header naming the path and exits 0, as \
            git requires (a version that is not a valid design is reported, and the rest of \
            the diff goes on). /dev/null stands for a file added or deleted.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: "OLD NEW (with --git: git's seven external-diff arguments).", completion: .designFile)
    var files: [String]

    @Option(help: "text, markdown or json.")
    var format: Format = .text

    @Option(help: "auto (a terminal, and NO_COLOR unset), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Take git's external-diff arguments; exit 0 whether or not the designs differ.")
    var git = false

    func validate() throws {
        if git && files.count != 7 && files.count != 9 {
            throw ValidationError("--git expects the seven arguments git passes to an external diff")
        }
        if !git && files.count != 2 { throw ValidationError("give two design files: OLD NEW") }
    }

    func run() throws {
        let (oldPath, newPath) = git ? (files[1], files[4]) : (files[0], files[1])
        let old: Design, new: Design
        do {
            let both = try Self.loadAll([oldPath, newPath])
            old = both[0]
            new = both[1]
        } catch where git {
            // git stops the whole diff when its external diff fails: say why here instead.
            let header = "sysdraft diff " + Output.line(files[0])
            FileHandle.standardOutput.write(Data((header + "\n  cannot compare this file as a design (see the message above); "
                + "`git diff --no-ext-diff` shows its lines\n").utf8))
            return
        }
        let catalogue = try? AssetLocator.locate().catalogue()
        let report: DiffReport
        do { report = try DiffReport(old: old, new: new, catalogue: catalogue) } catch {
            printError("could not compare the designs: \(error)")
            throw ExitCode(2)
        }
        var text: String
        switch format {
        case .text: text = report.text(color: useColor)
        case .markdown: text = report.markdown()
        case .json: text = JSONExport.escapeInvisible(report.json())
        }
        if git && format != .json {
            let header = "sysdraft diff " + Output.line(files[0])
            text = (format == .markdown ? "<!-- \(header.replacingOccurrences(of: "--", with: "- -")) -->\n" : header + "\n") + text
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if !git && !report.diff.isEmpty { throw ExitCode(1) }
    }

    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let env = ProcessInfo.processInfo.environment
            if let v = env["NO_COLOR"], !v.isEmpty { return false }
            if env["TERM"] == "dumb" { return false }
            return isatty(1) != 0
        }
    }
}
