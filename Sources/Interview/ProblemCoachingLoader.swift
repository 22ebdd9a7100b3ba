import DesignModel

extension ProblemLoader {
    struct Coaching {
        var facts: [PracticeProblem.Fact] = []
        var followUps: [PhaseRole: [String]] = [:]
        var keyPoints: [PracticeProblem.KeyPoint] = []
        var curveballs: [PracticeProblem.CurveballOption] = []
        var stresses: [InterviewRecord.Dimension] = []
    }

    /// Reads the interviewer's material: `facts`, `followUps`, `keyPoints`, `curveballs` and
    /// `stresses`. All are optional in a user's file; ids must be unique and match groups valid.
    static func readCoaching(_ r: inout AssetReader, _ f: [String: JSONValue]) -> Coaching {
        var c = Coaching()
        if let value = f["facts"] {
            let path: AssetReader.Path = [.key("facts")]
            switch value {
            case .array(let items):
                if items.isEmpty { r.fail(path, "problem: facts is empty") }
                for (i, item) in items.enumerated() {
                    let p = path + [.index(i)]
                    let what = "fact \(i + 1)"
                    guard let ff = r.object(item, p, known: ["topic", "label", "value"], what: what) else { continue }
                    let topicText = r.string(ff, "topic", p, what: what)
                    let label = r.string(ff, "label", p, what: what)
                    let value = r.string(ff, "value", p, what: what)
                    var topic: PracticeProblem.FactTopic?
                    if let t = topicText {
                        topic = PracticeProblem.FactTopic(rawValue: t)
                        if topic == nil {
                            r.fail(p + [.key("topic")], "\(what): unknown topic \"\(t)\"; use one of "
                                + PracticeProblem.FactTopic.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                    }
                    if let topic, let label, let value { c.facts.append(.init(topic: topic, label: label, value: value)) }
                }
            default:
                r.fail(path, "problem: facts must be a list of {\"topic\", \"label\", \"value\"} objects, found \(value.kindName)")
            }
        }

        if let value = f["followUps"] {
            let path: AssetReader.Path = [.key("followUps")]
            if let ff = r.object(value, path, known: PhaseRole.allCases.map(\.rawValue), what: "followUps") {
                for role in PhaseRole.allCases where ff[role.rawValue] != nil {
                    c.followUps[role] = r.strings(ff, role.rawValue, path, what: "followUps")
                }
            }
        }

        if let value = f["keyPoints"] {
            let path: AssetReader.Path = [.key("keyPoints")]
            if case .array(let items) = value {
                var seen: [String: Int] = [:]
                for (i, item) in items.enumerated() {
                    let p = path + [.index(i)]
                    var what = "key point \(i + 1)"
                    guard let kf = r.object(item, p, known: ["id", "kind", "text", "match"], what: what) else { continue }
                    let id = r.string(kf, "id", p, what: what)
                    if let id {
                        what += " \"\(id)\""
                        if !AssetFiles.isKey(id) {
                            r.fail(p + [.key("id")], "\(what): id must be lower-case letters, digits and dashes")
                        } else if let first = seen[id] {
                            r.fail(p + [.key("id")], "\(what): id \"\(id)\" is already used by key point \(first + 1)")
                        } else {
                            seen[id] = i
                        }
                    }
                    var kind: PracticeProblem.KeyPoint.Kind?
                    if let k = r.string(kf, "kind", p, what: what) {
                        kind = .init(rawValue: k)
                        if kind == nil {
                            r.fail(p + [.key("kind")], "\(what): unknown kind \"\(k)\"; use one of "
                                + PracticeProblem.KeyPoint.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                    }
                    let text = r.string(kf, "text", p, what: what)
                    let match = readMatch(&r, kf, p, what: what)
                    if let id, let kind, let text, let match { c.keyPoints.append(.init(id: id, kind: kind, text: text, match: match)) }
                }
            } else {
                r.fail(path, "problem: keyPoints must be a list of {\"id\", \"kind\", \"text\", \"match\"} objects, found \(value.kindName)")
            }
        }

        if let value = f["curveballs"] {
            let path: AssetReader.Path = [.key("curveballs")]
            if case .array(let items) = value {
                var seen: [String: Int] = [:]
                for (i, item) in items.enumerated() {
                    let p = path + [.index(i)]
                    var what = "curveball \(i + 1)"
                    guard let cf = r.object(item, p, known: ["id", "text", "match"], what: what) else { continue }
                    let id = r.string(cf, "id", p, what: what)
                    if let id {
                        what += " \"\(id)\""
                        if !AssetFiles.isKey(id) {
                            r.fail(p + [.key("id")], "\(what): id must be lower-case letters, digits and dashes")
                        } else if let first = seen[id] {
                            r.fail(p + [.key("id")], "\(what): id \"\(id)\" is already used by curveball \(first + 1)")
                        } else {
                            seen[id] = i
                        }
                    }
                    let text = r.string(cf, "text", p, what: what)
                    let match = readMatch(&r, cf, p, what: what)
                    if let id, let text, let match { c.curveballs.append(.init(id: id, text: text, match: match)) }
                }
            } else {
                r.fail(path, "problem: curveballs must be a list of {\"id\", \"text\", \"match\"} objects, found \(value.kindName)")
            }
        }

        if f["stresses"] != nil {
            for (i, s) in r.strings(f, "stresses", [], what: "problem").enumerated() {
                if let d = InterviewRecord.Dimension(rawValue: s) {
                    if !c.stresses.contains(d) { c.stresses.append(d) }
                } else {
                    r.fail([.key("stresses"), .index(i)], "problem: unknown dimension \"\(s)\" in stresses; use one of "
                        + InterviewRecord.Dimension.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
        }
        return c
    }

    /// A `match` list: at least one group, each a valid `KeywordMatcher` group.
    static func readMatch(_ r: inout AssetReader, _ f: [String: JSONValue], _ path: AssetReader.Path, what: String) -> [String]? {
        guard f["match"] != nil else {
            r.fail(path, "\(what): missing \"match\" (the words that show it in a design)")
            return nil
        }
        let groups = r.strings(f, "match", path, what: what)
        guard !groups.isEmpty else {
            if case .array(let a)? = f["match"], a.isEmpty { r.fail(path + [.key("match")], "\(what): match is empty") }
            return nil
        }
        var ok = true
        for (i, g) in groups.enumerated() {
            if let problem = KeywordMatcher.problem(inGroup: g) {
                r.fail(path + [.key("match"), .index(i)], "\(what): match group \(i + 1): \(problem)")
                ok = false
            }
        }
        return ok ? groups : nil
    }
}
