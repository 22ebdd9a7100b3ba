import ArgumentParser
import DesignExport
import DesignModel
import Foundation
import SequenceDiagram
import TerminalText

struct SequenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sequence",
        abstract: "Draw a design's scenarios as text sequence diagrams.",
        discussion: """
            Participants are columns with lifelines; calls are solid arrows, async messages and \
            replies dashed; blocks (alt/else, opt, loop, par, retry/fallback) are labelled frames. \
            SCENARIO is a scenario id (scen-2) or its name (any case). Without SCENARIO every \
            scenario is drawn, one after another, each under a title line; --list prints one \
            line per scenario instead. With --width, labels are wrapped and long participant names \
            abbreviated (with a legend) to fit; a drawing that still does not fit is printed \
            anyway with a note on standard error. Steps that no data flow carries are listed on \
            standard error as "not in the architecture". Exit 64 when SCENARIO matches none.
            """
    )

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Argument(help: "A scenario id or name; all scenarios when left out.")
    var scenario: String?

    @Flag(help: "Plain ASCII instead of Unicode box drawing.")
    var ascii = false

    @Option(help: "Fit the drawing in this many columns (at least 20).")
    var width: Int?

    @Flag(help: "List the scenarios (id, tag, steps, name) instead of drawing them.")
    var list = false

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let design = try loadOrExit(file)
        if design.scenarios.isEmpty {
            printError("\(file): the design has no scenarios yet; nothing to draw")
            return
        }
        var chosen = design.scenarios
        if let key = scenario {
            guard let found = design.scenario(named: key) else {
                printError("no scenario \"\(key)\" in \(file); it has: "
                    + design.scenarios.map { "\($0.id) (\(DiagramTextLine.one($0.name)))" }.joined(separator: ", "))
                throw Exit.usage
            }
            chosen = [found]
        }
        if list {
            // Columns: id, tag, steps (and how many are not in the architecture), name.
            let rows = chosen.map { s -> [String] in
                let missing = design.unsupportedSteps(in: s).count
                return [DiagramTextLine.one(s.id.rawValue), s.tag.rawValue,
                        "\(s.stepCount) step\(s.stepCount == 1 ? "" : "s")" + (missing > 0 ? ", \(missing) not in the architecture" : ""),
                        DiagramTextLine.one(s.name)]
            }
            let widths = (0..<3).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
            for r in rows {
                say((0..<3).map { DisplayWidth.pad(r[$0], to: widths[$0]) }.joined(separator: "  ") + "  " + r[3])
            }
            return
        }
        let options = SequenceOptions(ascii: ascii, width: width)
        var out = ""
        for (i, s) in chosen.enumerated() {
            if i > 0 { out += "\n" }
            let dot = ascii ? " - " : " · "
            let title = DiagramTextLine.one(s.id.rawValue) + dot + DiagramTextLine.one(s.name) + dot + s.tag.label.lowercased()
            for line in DisplayWidth.wrap(title, width: width ?? Int.max / 2) { out += line + "\n" }
            out += "\n"
            if s.stepCount == 0 {
                out += "(no steps yet)\n"
                continue
            }
            let drawing = ScenarioDiagram.render(s, in: design, options: options)
            out += drawing.text()
            if let width, !drawing.fits {
                printError("\(s.id): the drawing is \(drawing.width) columns wide, more than --width \(width)")
            }
            for u in design.unsupportedSteps(in: s) {
                printError("\(s.id): step \(u.number) is not in the architecture: " + Self.reason(u, design))
            }
        }
        sayLines(out.hasSuffix("\n") ? String(out.dropLast()) : out)
    }

    static func reason(_ u: UnsupportedStep, _ design: Design) -> String {
        func name(_ id: ItemID<Component>) -> String {
            design.components[id: id].map { DiagramTextLine.one($0.name) } ?? id.rawValue
        }
        switch u.match {
        case .unknownComponent(let c): return "component \(c) does not exist"
        case .unknownFlow(let f): return "it names flow \(f), which does not exist"
        case .wrongFlow(let f): return "it names flow \(f), which does not connect \(name(u.step.from)) to \(name(u.step.to))"
        default:
            let way = u.step.kind == .reply ? "between \(name(u.step.from)) and \(name(u.step.to))"
                : "from \(name(u.step.from)) to \(name(u.step.to))"
            return "no data flow \(way)"
        }
    }
}

/// User text on one line of command-line output (line breaks shown as ↵ by `say`).
enum DiagramTextLine {
    static func one(_ s: String) -> String { Sanitize.forDisplay(s) }
}
