import ArgumentParser
import DesignExport
import DesignModel
import DiagramLayout
import Foundation

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Draw a design's components and flows as boxes and arrows in text.",
        discussion: """
            Async flows are dashed, two-way flows have arrowheads at both ends, and each box \
            carries its kind ([LB], [DB], [Q], …). Every flow is drawn. With --width the layout \
            tries narrower labels (and, without --direction, the other direction) to fit; a \
            drawing that still does not fit is printed anyway with a note on standard error.
            """
    )

    enum DirectionChoice: String, ExpressibleByArgument, CaseIterable {
        case tb, lr
        init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    }

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Flag(help: "Plain ASCII instead of Unicode box drawing.")
    var ascii = false

    @Option(help: "tb (top to bottom, the default) or lr (left to right); either case.")
    var direction: DirectionChoice?

    @Option(help: "Try to fit the drawing in this many columns.")
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let design = try loadOrExit(file)
        if design.components.isEmpty {
            // A valid design with nothing to draw yet: not an error, nothing on stdout.
            printError("\(file): the design has no components yet; nothing to draw")
            return
        }
        let graph = DesignDiagram.graph(design)
        let directions: [DiagramDirection] = switch direction {
        case .tb: [.topToBottom]
        case .lr: [.leftToRight]
        case nil: width == nil ? [.topToBottom] : [.topToBottom, .leftToRight]
        }
        var best: Diagram?
        search: for labelWidth in [20, 16, 12, 8] {
            for d in directions {
                let diagram = DiagramLayout.layout(graph, DiagramOptions(direction: d, ascii: ascii, maxLabelWidth: labelWidth))
                if best == nil || diagram.width < best!.width { best = diagram }
                if width == nil || diagram.width <= width! { best = diagram; break search }
            }
        }
        let diagram = best!
        FileHandle.standardOutput.write(Data(diagram.text().utf8))
        if let width, diagram.width > width {
            printError("the drawing is \(diagram.width) columns wide, more than --width \(width)")
        }
    }
}
