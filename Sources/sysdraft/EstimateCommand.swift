import ArgumentParser
import DesignModel
import Estimates
import Foundation
import TerminalText

/// `sysdraft estimate FILE`: a design's capacity estimates, flow load and component capacity.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Print a design's capacity estimates with their values, and the load on its flows and components.",
        discussion: """
            Estimates are evaluated in dependency order; a row with an error shows it (with the \
            column), and rows that use it say so. Flows with a rate and payload show their \
            bandwidth; components with a capacity show the load arriving against capacity × \
            instances.

            Exit 0 when everything evaluates; 1 when an estimate, rate, payload, capacity or \
            instance count has an error, or the file is not a valid design; 3 when the file \
            cannot be read.
            """
    )

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Flag(help: "Print JSON: estimates, flows and components with values in full precision.")
    var json = false

    func run() throws {
        let design = try loadOrExit(file)
        let load = DesignLoad(design)
        if json { sayJSON(EstimateReport.json(design, load)) } else { sayLines(EstimateReport.text(design, load)) }
        if EstimateReport.hasErrors(load) { throw Exit.invalidExpression }
    }
}

/// What `sysdraft estimate` prints.
enum EstimateReport {
    static func hasErrors(_ load: DesignLoad) -> Bool {
        func bad(_ f: DesignLoad.Figure?) -> Bool { f.map { $0.quantity == nil } ?? false }
        return load.sheet.statuses.contains { $0.quantity == nil }
            || load.flows.contains { bad($0.rate) || bad($0.payload) }
            || load.components.contains { bad($0.capacity) || bad($0.instances) }
    }

    static func text(_ design: Design, _ load: DesignLoad) -> String {
        var out: [String] = []
        if design.estimates.isEmpty {
            out.append("\(design.title): no capacity estimates yet")
        } else {
            out.append("Capacity estimates")
            let rows = design.estimates.indices.map { i -> [String] in
                let e = design.estimates[i]
                return [e.name, load.sheet.displayText(at: i), e.expression, e.description]
            }
            out += TextTable.render(header: ["Name", "Value", "Expression", "Description"], rows: rows,
                                    numeric: [false, true, false, false])
        }
        let names = Dictionary(design.components.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let flows = design.flows.indices.filter { load.flows[$0].isStated }
        if !flows.isEmpty {
            out.append("")
            out.append("Load on the data flows")
            out += TextTable.render(
                header: ["Flow", "From → To", "Rate", "Payload", "Bandwidth"],
                rows: flows.map { i in
                    let f = design.flows[i], l = load.flows[i]
                    return [f.id.rawValue, (names[f.from] ?? f.from.rawValue) + " → " + (names[f.to] ?? f.to.rawValue),
                            l.rate?.text ?? "", l.payload?.text ?? "", l.bandwidth?.text ?? ""]
                },
                numeric: [false, false, true, true, true])
        }
        let comps = design.components.indices.filter { load.components[$0].capacity != nil || load.components[$0].instances != nil }
        if !comps.isEmpty {
            out.append("")
            out.append("Component capacity")
            out += TextTable.render(
                header: ["Component", "Incoming", "Per instance", "Instances", "Capacity", "Used"],
                rows: comps.map { i in
                    let c = design.components[i], l = load.components[i]
                    return [c.name, l.incoming?.text ?? "", l.capacity?.text ?? "", l.instances?.text ?? "1",
                            l.totalCapacity?.text ?? "", DesignLoad.percent(l.utilisation) + (l.isOverloaded ? " OVER CAPACITY" : "")]
                },
                numeric: [false, true, true, true, true, false])
        }
        return out.joined(separator: "\n")
    }

    static func figure(_ status: EstimateSheet.Status, target: UnitTarget?) -> String {
        switch status {
        case .value(let q):
            let shown = ValueFormat.show(q, target: target, style: .exact)
            let text = ValueFormat.show(q, target: target, style: .display).text
            return JSONText.object([("value", JSONText.number(shown.value)), ("unit", JSONText.string(shown.unit)),
                                    ("text", JSONText.string(text))])
        case .error(let e):
            var fields = [("message", JSONText.string(e.message))]
            if let c = e.column { fields.append(("column", "\(c)")) }
            return JSONText.object([("error", JSONText.object(fields))])
        case .dependsOnError(let names):
            return JSONText.object([("dependsOnErrorsIn", JSONText.array(names.map(JSONText.string)))])
        }
    }

    static func figure(_ f: DesignLoad.Figure?) -> String {
        f.map { figure($0.status, target: $0.target) } ?? "null"
    }

    static func json(_ design: Design, _ load: DesignLoad) -> String {
        let estimates = design.estimates.indices.map { i -> String in
            let e = design.estimates[i]
            return JSONText.object([
                ("id", JSONText.string(e.id.rawValue)), ("name", JSONText.string(e.name)),
                ("expression", JSONText.string(e.expression)), ("description", JSONText.string(e.description)),
                ("result", figure(load.sheet.statuses[i], target: load.sheet.expression(at: i)?.target)),
            ])
        }
        let flows = load.flows.filter(\.isStated).map { f in
            JSONText.object([("id", JSONText.string(f.id.rawValue)), ("rate", figure(f.rate)), ("payload", figure(f.payload)),
                             ("bandwidth", figure(f.bandwidth))])
        }
        let comps = load.components.filter { $0.capacity != nil || $0.instances != nil }.map { c in
            JSONText.object([("id", JSONText.string(c.id.rawValue)), ("incoming", figure(c.incoming)),
                             ("capacity", figure(c.capacity)), ("instances", figure(c.instances)),
                             ("totalCapacity", figure(c.totalCapacity)),
                             ("utilisation", c.utilisation.map(JSONText.number) ?? "null"),
                             ("overloaded", c.isOverloaded ? "true" : "false")])
        }
        return "{\n  \"estimates\": " + JSONText.array(estimates) + ",\n  \"flows\": " + JSONText.array(flows)
            + ",\n  \"components\": " + JSONText.array(comps) + "\n}"
    }
}
