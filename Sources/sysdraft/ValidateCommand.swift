import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check design files: JSON syntax, fields, references between items, checklist keys, API and data-model checks.",
        discussion: "Exit 0 when every file is valid, 1 when one is not, 3 when one cannot be read."
    )

    @Argument(help: "Design files to check.", completion: .designFile)
    var files: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    func run() throws {
        let catalogue = try catalogueOrExit(try assetsOrExit())
        var worst: ExitCode = .success
        for file in files {
            let check: DesignCheck
            do {
                check = try DesignFile.check(file, catalogue: catalogue)
            } catch {
                printError(error)
                if case .storage = error { worst = Exit.fileError } else if worst == .success { worst = Exit.invalidDesign }
                continue
            }
            let design = check.design
            var warnings = check.warnings.map { "\($0)" }
            if Self.checkEstimates(design, file: file, warnings: &warnings) { worst = worst == .success ? Exit.invalidDesign : worst }
            if !check.unknownFields.isEmpty { warnings.append("warning: " + unknownFieldsNote(check.unknownFields)) }
            let checked = designCheckLines(design)
            warnings += checked.warnings
            for w in warnings { say("\(file): \(w)") }
            // Unresolved merge conflicts: the file loads (so they can be resolved) but is not valid.
            for c in design.conflictFindings { say("\(file): \(c)") }
            if !design.conflicts.isEmpty {
                say("\(file): resolve them in the workspace (sysdraft \(file)) or with sysdraft resolve \(file)")
                worst = Exit.invalidDesign
                continue
            }
            for e in checked.errors { printError("\(file): \(e)") }
            if !checked.errors.isEmpty && worst == .success { worst = Exit.invalidDesign }
            if strict && !warnings.isEmpty && worst == .success { worst = Exit.invalidDesign }
            if !quiet && checked.errors.isEmpty {
                let done = StageKey.allCases.map { design.progress(of: $0, in: catalogue) }
                let ticked = done.map(\.done).reduce(0, +), total = done.map(\.total).reduce(0, +)
                say("\(file): ok — \"\(design.title)\": " + DesignCounts.parts(design).joined(separator: ", ")
                    + "; checklist \(ticked)/\(total)")
            }
        }
        if worst != .success { throw worst }
    }
}
