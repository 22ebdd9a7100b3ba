import Foundation

/// One thing `validate` found wrong (error) or worth a look (warning) in a document.
public struct Finding: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// Where in the JSON document, e.g. `flows[3].to`.
    public var path: String
    public var message: String

    public init(_ severity: Severity, _ path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    public var description: String { "\(severity.rawValue): \(path): \(message)" }
}

extension Design {
    /// Integrity checks: unique ids, flows that point at real components, trade-offs whose
    /// chosen option exists. With a catalogue, checklist keys are checked too (as warnings,
    /// since a newer catalogue may have retired a key).
    public func findings(catalogue: StageCatalogue? = nil) -> [Finding] {
        var out: [Finding] = []
        func dupes<T: Identified>(_ items: [T], _ name: String) {
            var seen = Set<ItemID<T>>()
            for (i, item) in items.enumerated() where !seen.insert(item.id).inserted {
                out.append(Finding(.error, "\(name)[\(i)].id", "duplicate id \"\(item.id)\""))
            }
            for (i, item) in items.enumerated() where item.id.rawValue.isEmpty {
                out.append(Finding(.error, "\(name)[\(i)].id", "empty id"))
            }
        }
        dupes(requirements, "requirements")
        dupes(components, "components")
        dupes(flows, "flows")
        dupes(tradeOffs, "tradeOffs")
        dupes(endpoints, "endpoints")
        dupes(entities, "entities")
        dupes(estimates, "estimates")
        dupes(stages.flatMap(\.custom), "stages[].custom")

        if schemaVersion != Design.currentSchemaVersion {
            out.append(Finding(.error, "schemaVersion",
                               "is \(schemaVersion), this build reads \(Design.currentSchemaVersion)"))
        }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(Finding(.warning, "title", "the design has no title"))
        }
        let ids = Set(components.map(\.id))
        for (i, f) in flows.enumerated() {
            if !ids.contains(f.from) {
                out.append(Finding(.error, "flows[\(i)].from", "flow \(f.id) starts at missing component \"\(f.from)\""))
            }
            if !ids.contains(f.to) {
                out.append(Finding(.error, "flows[\(i)].to", "flow \(f.id) ends at missing component \"\(f.to)\""))
            }
        }
        out += groupFindings()
        for (i, c) in components.enumerated() where c.name.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(Finding(.warning, "components[\(i)].name", "component \(c.id) has no name"))
        }
        for (i, t) in tradeOffs.enumerated() {
            if let chosen = t.chosen, t.options[id: chosen] == nil {
                out.append(Finding(.error, "tradeOffs[\(i)].chosen",
                                   "trade-off \(t.id) chose \"\(chosen)\", which is not one of its options"))
            }
            var seen = Set<ItemID<TradeOff.Option>>()
            for (j, o) in t.options.enumerated() where !seen.insert(o.id).inserted {
                out.append(Finding(.error, "tradeOffs[\(i)].options[\(j)].id", "duplicate option id \"\(o.id)\""))
            }
        }
        for (i, r) in requirements.enumerated() where r.category != nil && r.kind == .functional {
            out.append(Finding(.warning, "requirements[\(i)].category",
                               "requirement \(r.id) is functional but has a non-functional category"))
        }
        out += interviewFindings()
        out += followUpFindings()
        var seenStages = Set<StageKey>()
        for (i, s) in stages.enumerated() where !seenStages.insert(s.stage).inserted {
            out.append(Finding(.error, "stages[\(i)].stage", "stage \(s.stage.rawValue) appears twice"))
        }
        out += scenarioFindings()
        out += lowLevelReferenceFindings()
        out += coachingFindings()
        out += traceabilityFindings()
        if let catalogue {
            let known = catalogue.allItemKeys
            for (i, s) in stages.enumerated() {
                for key in s.done where !known.contains(key) || !key.hasPrefix(s.stage.rawValue + ".") {
                    out.append(Finding(.warning, "stages[\(i)].done", "unknown checklist item \"\(key)\""))
                }
            }
        }
        return out
    }

    public var errors: [Finding] { findings().filter { $0.severity == .error } }
}
