import DesignModel
import Estimates

/// The report's capacity sections: the estimates table in stage 1, and after the data-flow
/// table in stage 2 the load each flow carries and each component's capacity against it.
extension ReportWriter {
    /// Heading of the estimates table (an `h3` in stage 1).
    static let estimatesHeading = "Capacity estimates"
    /// Headings of the load tables (`h4`s under "Data flows").
    static let flowLoadHeading = "Load on the data flows"
    static let capacityHeading = "Component capacity"

    mutating func writeCapacityEstimates() {
        heading(3, Self.estimatesHeading)
        if design.estimates.isEmpty {
            paragraph("_No capacity estimates yet._")
            return
        }
        let sheet = design.estimateSheet()
        table(["Name", "Expression", "Value", "Description"], align: ["l", "l", "r", "l"],
              rows: design.estimates.indices.map { i in
                  let e = design.estimates[i]
                  return [cell(e.name), cell(e.expression), valueCell(sheet, i), cell(e.description)]
              })
        let problems = sheet.statuses.filter { $0.quantity == nil }.count
        if problems > 0 {
            paragraph("_\(problems) of \(design.estimates.count) estimates have no value: "
                      + "an error of their own or in an estimate they use._")
        }
    }

    func valueCell(_ sheet: EstimateSheet, _ i: Int) -> String {
        switch sheet.statuses[i] {
        case .value: number(sheet.displayText(at: i))
        case .error(let e): "**error:** " + cell(e.description)
        case .dependsOnError(let names): "_needs " + cell(names.joined(separator: ", ")) + "_"
        }
    }

    /// A value we formatted (`38.6 /s`, `1.2K B*s`): escaped, but not as the start of a line.
    func number(_ s: String) -> String { MarkdownText.inline(s, atLineStart: false) }

    func figureCell(_ f: DesignLoad.Figure?) -> String {
        guard let f else { return "" }
        switch f.status {
        case .value: return number(f.text)
        case .error(let e): return "**error:** " + cell(e.description)
        case .dependsOnError(let names): return "_needs " + cell(names.joined(separator: ", ")) + "_"
        }
    }

    mutating func writeFlowLoad() {
        let stated = design.flows.indices.filter {
            design.flows[$0].rate != nil || design.flows[$0].payload != nil
        }
        let withCapacity = design.components.indices.filter { design.components[$0].capacity != nil }
        guard !stated.isEmpty || !withCapacity.isEmpty else { return }
        let load = DesignLoad(design)
        if !stated.isEmpty {
            heading(4, Self.flowLoadHeading)
            table(["ID", "From → To", "Rate", "Payload", "Bandwidth"], align: ["l", "l", "r", "r", "r"],
                  rows: stated.map { i in
                      let f = design.flows[i], l = load.flows[i]
                      return [cell(f.id.rawValue), endpoint(f.from) + " → " + endpoint(f.to),
                              rateCell(f.rate, l.rate), rateCell(f.payload, l.payload), figureCell(l.bandwidth)]
                  })
        }
        if !withCapacity.isEmpty {
            heading(4, Self.capacityHeading)
            table(["ID", "Component", "Incoming", "Per instance", "Instances", "Capacity", "Used"],
                  align: ["l", "l", "r", "r", "r", "r", "r"],
                  rows: withCapacity.map { i in
                      let c = design.components[i], l = load.components[i]
                      let used = number(DesignLoad.percent(l.utilisation)) + (l.isOverloaded ? " **over capacity**" : "")
                      let counted = l.flowsCounted < l.flowsIncoming ? " (\(l.flowsCounted) of \(l.flowsIncoming) flows)" : ""
                      return [cell(c.id.rawValue), cell(c.name), figureCell(l.incoming) + counted, figureCell(l.capacity),
                              l.instances.map(figureCell) ?? "1", figureCell(l.totalCapacity), used]
                  })
            let over = load.overloaded.count
            if over > 0 {
                paragraph("**\(over) component\(over == 1 ? " receives" : "s receive") more load than \(over == 1 ? "its" : "their") "
                          + "instances can handle.**")
            }
        }
    }

    /// A figure with the expression it came from when that is not a plain value.
    func rateCell(_ expression: String?, _ f: DesignLoad.Figure?) -> String {
        guard let expression, let f else { return "" }
        let value = figureCell(f)
        guard f.quantity != nil, Self.isNamed(expression) else { return value }
        return value + " (" + cell(TextSafety.oneLine(expression)) + ")"
    }

    /// An expression that uses estimates (worth showing beside its value).
    static func isNamed(_ expression: String) -> Bool {
        (try? Expression.parse(expression))?.names.isEmpty == false
    }
}
