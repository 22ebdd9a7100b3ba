import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check design files: JSON syntax, fields, references between items, checklist keys.",
        discussion: "Exit 0 when every file is valid, 1 when one is not, 3 when one cannot be read."
    )

    @Argument(help: "Design files to check.")
    var files: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    func run() throws {
        let catalogue = try catalogueOrExit(try assetsOrExit())
        var worst: ExitCode = .success
        for file in files {
            let design: Design
            let unknown: [String]
            do {
                (design, unknown) = try DesignFile.loadListingUnknownFields(file)
            } catch {
                printError(error.description)
                if case .storage = error { worst = Exit.fileError } else if worst == .success { worst = Exit.invalidDesign }
                continue
            }
            var warnings = design.findings(catalogue: catalogue).filter { $0.severity == .warning }.map { "\($0)" }
            if !unknown.isEmpty { warnings.append("warning: " + unknownFieldsNote(unknown)) }
            for w in warnings { say("\(file): \(w)") }
            // Unresolved merge conflicts: the file loads (so they can be resolved) but is not valid.
            for c in design.conflictFindings { say("\(file): \(c)") }
            if !design.conflicts.isEmpty { worst = Exit.invalidDesign; continue }
            if strict && !warnings.isEmpty && worst == .success { worst = Exit.invalidDesign }
            if !quiet {
                let done = StageKey.allCases.map { design.progress(of: $0, in: catalogue) }
                let ticked = done.map(\.done).reduce(0, +), total = done.map(\.total).reduce(0, +)
                say("\(file): ok — \"\(design.title)\": \(design.requirements.count) requirements, "
                    + "\(design.components.count) components, \(design.flows.count) flows, "
                    + "\(design.tradeOffs.count) trade-offs; checklist \(ticked)/\(total)")
            }
        }
        if worst != .success { throw worst }
    }
}
