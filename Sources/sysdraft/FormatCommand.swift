import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite design files in sysdraft's canonical JSON layout (upgrading older schema versions).",
        discussion: "With --check nothing is written; exit 1 if a file is not in canonical form."
    )

    @Argument(help: "Design files to format.", completion: .designFile)
    var files: [String]

    @Flag(help: "Only report files that would change.")
    var check = false

    @Flag(help: "Rewrite files even when they have fields sysdraft does not know (they are dropped).")
    var dropUnknown = false

    func run() throws {
        var changed = false
        for file in files {
            // The same check as `validate`: whatever validate refuses, fmt refuses (and never
            // writes), with the same message.
            let checked: DesignCheck
            do { checked = try DesignFile.check(file) } catch {
                printError(error)
                if case .storage = error { throw Exit.fileError }
                throw Exit.invalidDesign
            }
            if !checked.unknownFields.isEmpty && !dropUnknown && !check {
                printError("\(file): \(unknownFieldsNote(checked.unknownFields)); left unchanged (--drop-unknown rewrites it anyway)")
                throw Exit.invalidDesign
            }
            let canonical = try DesignCodec.encode(checked.design)
            if checked.data == canonical { continue }
            changed = true
            if check {
                say("\(file): not in canonical form")
            } else {
                try saveOrExit(checked.design, to: file)
                say("formatted \(file)")
            }
        }
        if check && changed { throw Exit.invalidDesign }
    }
}
