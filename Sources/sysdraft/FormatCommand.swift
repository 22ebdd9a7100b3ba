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

    @Argument(help: "Design files to format.")
    var files: [String]

    @Flag(help: "Only report files that would change.")
    var check = false

    @Flag(help: "Rewrite files even when they have fields sysdraft does not know (they are dropped).")
    var dropUnknown = false

    func run() throws {
        var changed = false
        for file in files {
            let (design, unknown) = try loadListingUnknownOrExit(file)
            if !unknown.isEmpty && !dropUnknown && !check {
                printError("\(file): \(unknownFieldsNote(unknown)); left unchanged (--drop-unknown rewrites it anyway)")
                throw Exit.invalidDesign
            }
            let canonical = try DesignCodec.encode(design)
            let current = try? AtomicFile.read(file)
            if current == canonical { continue }
            changed = true
            if check {
                say("\(file): not in canonical form")
            } else {
                try saveOrExit(design, to: file)
                say("formatted \(file)")
            }
        }
        if check && changed { throw Exit.invalidDesign }
    }
}
