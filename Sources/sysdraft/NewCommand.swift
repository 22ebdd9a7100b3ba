import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new design file (empty, or a copy of a bundled example)."
    )

    @Argument(help: "Where to write the design (JSON).", completion: .designFile)
    var file: String

    @Option(help: "The design's title.")
    var title: String?

    @Option(help: "The problem statement: what is being designed and for whom (several lines: quote it, e.g. $'line one\\nline two').")
    var problem: String?

    @Option(name: .customLong("from"), help: "Start from a bundled example (see `sysdraft examples`).", completion: .exampleName)
    var example: String?

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    func run() throws {
        if !DesignFile.isMissing(file) && !force {
            printError("\(file): already exists; pass --force to overwrite it")
            throw Exit.fileError
        }
        let now = Date()
        var design: Design
        if let example {
            let assets = try assetsOrExit()
            guard let file = assets.example(named: example) else {
                printError("no example named \"\(example)\"; available: "
                    + assets.exampleNames().joined(separator: ", "))
                throw Exit.usage
            }
            design = try loadExampleOrExit(file)
            design.created = Design.wholeSeconds(now)
            design.touch(now)
        } else {
            design = Design(title: title ?? Self.titleFromFileName(file), now: now)
        }
        if let title { design.title = title }
        if let problem { design.problem = problem }
        try saveOrExit(design, to: file)
        say("created \(file): \(design.title)")
    }

    /// `url-shortener.json` → "Url shortener".
    static func titleFromFileName(_ path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = base.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.isEmpty ? "Untitled design" : words.prefix(1).uppercased() + words.dropFirst()
    }
}
