import ArgumentParser
import DesignModel
import DesignStorage
import Foundation
import TerminalText

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print a short overview of a design: counts and checklist progress per stage."
    )

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    func run() throws {
        let design = try loadOrExit(file)
        let catalogue = try catalogueOrExit(try assetsOrExit())
        sayLines(Self.render(design, catalogue))
    }

    static func render(_ design: Design, _ catalogue: StageCatalogue) -> String {
        // One line each: a line break inside the title or problem shows as ↵.
        var out = "\(Sanitize.forDisplay(design.title))\n"
        if !design.problem.isEmpty { out += "\(Sanitize.forDisplay(design.problem))\n" }
        out += "\n" + DesignCounts.parts(design).joined(separator: " · ") + "\n\n"
        for key in StageKey.allCases {
            let p = design.progress(of: key, in: catalogue)
            let title = catalogue[key].title
            let bar = String(repeating: "█", count: p.total == 0 ? 0 : p.done * 10 / p.total)
                .padding(toLength: 10, withPad: "░", startingAt: 0)
            out += String(format: "%2d  ", key.number) + title.padding(toLength: 34, withPad: " ", startingAt: 0)
                + " \(bar) \(p.done)/\(p.total)  \(p.status.rawValue)\n"
        }
        return out
    }
}
