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

    func run() throws {
        var changed = false
        for file in files {
            let design = try loadOrExit(file)
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
