import DesignExport
import DesignModel
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import DesignImport

@Suite struct RoundTripTests {
    /// Export to Mermaid, import back: the same components (names, kinds, in order) and flows
    /// (ends, labels, protocol and its own name, sync/async, direction), for generated designs
    /// full of text that Mermaid treats specially.
    @Test func mermaidExportImportsBack() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...10_000_000), Gen.int(in: 0...1)) { seed, grouped in
            var g = DesignGenerator(seed: UInt64(seed))
            var d = g.design(components: 1 + seed % 25, flows: seed % 40)
            // About half the flows name their protocol in the designer's words.
            for i in d.flows.indices where g.chance(50) {
                d.flows[i].protocolName = g.chance(20) ? g.pick(Flow.Protocol_.allCases).label : g.text(max: 2)
            }
            let options = FlowchartOptions(direction: seed % 2 == 0 ? .leftToRight : .topToBottom, groupByKind: grouped == 1)
            let text = MermaidExport.render(d, options: options)
            let back: ImportResult
            do { back = try DesignImporter.importDesign(text, format: .mermaid) } catch {
                Issue.record("seed \(seed): \(error)\n\(text)")
                return
            }
            // Boxes come back in the order they are declared: grouped by kind, that is not the
            // design's order, so components are matched through the node ids the export wrote
            // (`n_comp_3` for comp-3).
            let original = Dictionary(uniqueKeysWithValues: d.components.map { ("n_" + $0.id.rawValue.replacingOccurrences(of: "-", with: "_"), $0) })
            let matched = back.diagram.nodes.map { original[$0.key] }
            #expect(matched.count == d.components.count && Set(matched.compactMap { $0?.id }).count == d.components.count, "seed \(seed)")
            #expect(back.design.components.map(\.name) == matched.map { $0?.name }, "seed \(seed)\n\(text)")
            #expect(back.design.components.map(\.kind) == matched.map { $0?.kind }, "seed \(seed)")
            if grouped == 0 { #expect(back.design.components.map(\.name) == d.components.map(\.name), "seed \(seed)") }
            let index = Dictionary(uniqueKeysWithValues: d.components.map { ($0.id, $0.id) })
            let backIndex = Dictionary(uniqueKeysWithValues: zip(back.design.components.map(\.id), matched.map { $0?.id }))
            #expect(back.design.flows.count == d.flows.count, "seed \(seed)")
            for (a, b) in zip(d.flows, back.design.flows) {
                #expect(index[a.from] == backIndex[b.from] ?? nil && index[a.to] == backIndex[b.to] ?? nil, "seed \(seed)")
                #expect(a.label == b.label, "seed \(seed): \(a.label) vs \(b.label)")
                #expect(a.protocol == b.protocol, "seed \(seed): \(a.protocol) vs \(b.protocol) for \(a.label) / \(a.protocolName)")
                #expect(a.protocolName == b.protocolName, "seed \(seed): \(a.protocolName) vs \(b.protocolName)")
                #expect(a.mode == b.mode && a.direction == b.direction, "seed \(seed)")
            }
            #expect(back.messages.filter { $0.severity == .warning }.isEmpty, "seed \(seed): \(back.messages)")
        }
    }

    /// The exporter's kind classes are the names the importer reads.
    @Test func kindClassNamesAgree() {
        for kind in Component.Kind.allCases {
            #expect(MermaidImporter.kindClasses[MermaidExport.kindClassName(kind)] == kind)
        }
    }
}
