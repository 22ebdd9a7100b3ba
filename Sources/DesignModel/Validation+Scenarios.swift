extension Design {
    /// Blocks nested deeper than this are refused (no editor makes them; they only come from
    /// hand-edited or hostile files).
    public static let maxScenarioNesting = 24

    /// Scenario checks. Errors: duplicate or empty scenario ids, malformed blocks (no branch,
    /// more branches than the kind allows, attempts below 1, nesting deeper than
    /// `maxScenarioNesting`). Warnings: references to components, flows or requirements that
    /// do not exist, steps with no data flow to travel on ("not in the architecture"), a named
    /// flow that does not connect the step's components, empty blocks,
    /// unnamed scenarios, retry settings on other blocks.
    ///
    /// Dangling references are warnings, not errors, on purpose: deleting a component, flow
    /// or requirement must never make the file unreadable, and the steps that named it are
    /// the user's work. `validate --strict` fails on them; the views show the missing ids.
    func scenarioFindings() -> [Finding] {
        var out: [Finding] = []
        var seen = Set<ItemID<Scenario>>()
        for (i, s) in scenarios.enumerated() {
            if s.id.rawValue.isEmpty {
                out.append(Finding(.error, "scenarios[\(i)].id", "empty id"))
            } else if !seen.insert(s.id).inserted {
                out.append(Finding(.error, "scenarios[\(i)].id", "duplicate id \"\(s.id)\""))
            }
        }
        let componentIDs = Set(components.map(\.id))
        let requirementIDs = Set(requirements.map(\.id))
        let matcher = FlowMatcher(self)

        for (i, s) in scenarios.enumerated() {
            let base = "scenarios[\(i)]"
            if s.name.allSatisfy(\.isWhitespace) {
                out.append(Finding(.warning, base + ".name", "scenario \(s.id) has no name"))
            }
            for (j, r) in s.requirements.enumerated() where !requirementIDs.contains(r) {
                out.append(Finding(.warning, base + ".requirements[\(j)]",
                                   "scenario \(s.id) names missing requirement \"\(r)\""))
            }
            var number = 0
            func check(_ nodes: [ScenarioNode], _ path: String, depth: Int) {
                for (k, node) in nodes.enumerated() {
                    let here = path + "[\(k)]"
                    switch node {
                    case .step(let step):
                        number += 1
                        checkStep(step, number: number, here)
                    case .block(let b):
                        if depth >= Design.maxScenarioNesting {
                            out.append(Finding(.error, here, "blocks nest more than \(Design.maxScenarioNesting) deep"))
                            continue
                        }
                        checkBlock(b, here)
                        for (bi, br) in b.branches.enumerated() {
                            check(br.steps, here + ".branches[\(bi)].steps", depth: depth + 1)
                        }
                    }
                }
            }
            func checkStep(_ step: ScenarioStep, number: Int, _ here: String) {
                let what = "step \(number) of scenario \(s.id)"
                for (key, c) in [("from", step.from), ("to", step.to)] where !componentIDs.contains(c) {
                    out.append(Finding(.warning, here + "." + key,
                                       c.rawValue.isEmpty ? "\(what) has no \(key == "from" ? "sender" : "receiver")"
                                                          : "\(what) names missing component \"\(c)\""))
                }
                switch matcher.match(step) {
                case .missing:
                    let way = step.kind == .reply ? "between \(step.from) and \(step.to)" : "from \(step.from) to \(step.to)"
                    out.append(Finding(.warning, here, "\(what) is not in the architecture: no data flow \(way)"))
                case .unknownFlow(let f):
                    out.append(Finding(.warning, here + ".flow", "\(what) names missing flow \"\(f)\""))
                case .wrongFlow(let f):
                    out.append(Finding(.warning, here + ".flow",
                                       "\(what) names flow \(f), which does not connect \(step.from) to \(step.to)"))
                default: break
                }
            }
            func checkBlock(_ b: ScenarioBlock, _ here: String) {
                if b.branches.isEmpty {
                    out.append(Finding(.error, here + ".branches", "a \(b.kind.rawValue) block needs at least one branch"))
                } else if let max = b.kind.maxBranches, b.branches.count > max {
                    out.append(Finding(.error, here + ".branches",
                                       "a \(b.kind.rawValue) block has exactly one branch, this one has \(b.branches.count)"))
                }
                if let a = b.attempts, a < 1 {
                    out.append(Finding(.error, here + ".attempts", "attempts must be at least 1, found \(a)"))
                }
                if b.kind != .retry && (b.attempts != nil || b.timeout != nil) {
                    out.append(Finding(.warning, here, "attempts and timeout only mean something on a retry block"))
                }
                if !b.branches.isEmpty && b.branches.allSatisfy(\.steps.isEmpty) {
                    out.append(Finding(.warning, here, "the \(b.kind.rawValue) block has no steps"))
                }
            }
            check(s.steps, base + ".steps", depth: 0)
        }
        return out
    }
}
