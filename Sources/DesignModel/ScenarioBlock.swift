/// A group of scenario steps drawn as a labelled frame: a choice (`alt`/else), an optional part
/// (`opt`), a repetition (`loop`), parallel parts (`par`), or failure handling (`retry`: the
/// first branch is tried, with a number of attempts and a timeout, and the later branches are
/// the fallbacks taken when it fails). Blocks nest.
///
/// Every block has at least one branch; `opt` and `loop` have exactly one. Each branch has a
/// condition (a guard, a loop condition, a label for a parallel part, when a fallback applies).
public struct ScenarioBlock: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case alt, opt, loop, par, retry

        /// How many branches the kind allows (nil: any number from one up).
        public var maxBranches: Int? {
            switch self {
            case .opt, .loop: 1
            case .alt, .par, .retry: nil
            }
        }

        /// The word that opens branch `index` ("alt" then "else"; "retry" then "fallback").
        public func keyword(branch index: Int) -> String {
            switch self {
            case .alt: index == 0 ? "alt" : "else"
            case .opt: "opt"
            case .loop: "loop"
            case .par: index == 0 ? "par" : "and"
            case .retry: index == 0 ? "retry" : "fallback"
            }
        }
    }

    public struct Branch: Codable, Equatable, Sendable {
        public var condition: String
        public var steps: [ScenarioNode]

        public init(condition: String = "", steps: [ScenarioNode] = []) {
            self.condition = condition
            self.steps = steps
        }

        enum CodingKeys: String, CodingKey { case condition, steps }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            condition = try c.decodeIfPresent(String.self, forKey: .condition) ?? ""
            steps = try c.decodeIfPresent([ScenarioNode].self, forKey: .steps) ?? []
        }
    }

    public var kind: Kind
    public var branches: [Branch]
    /// `retry` only: how many times the first branch is tried in all (at least 1).
    public var attempts: Int?
    /// `retry` only: how long each attempt may take, as written ("200 ms", "2 s").
    public var timeout: String?

    public init(kind: Kind, branches: [Branch], attempts: Int? = nil, timeout: String? = nil) {
        self.kind = kind
        self.branches = branches
        self.attempts = attempts
        self.timeout = timeout
    }

    /// A block of one branch.
    public init(kind: Kind, condition: String = "", steps: [ScenarioNode] = []) {
        self.init(kind: kind, branches: [Branch(condition: condition, steps: steps)])
    }

    enum CodingKeys: String, CodingKey {
        case kind = "block", branches, attempts, timeout
    }

    /// The text of the frame label for branch `index`, without the keyword: for a retry block's
    /// first branch the attempts and timeout come first ("3 attempts, timeout 50 ms"), then the
    /// condition.
    public func caption(branch index: Int) -> String {
        var parts: [String] = []
        if kind == .retry && index == 0 {
            if let attempts { parts.append(attempts == 1 ? "1 attempt" : "\(attempts) attempts") }
            if let timeout, !timeout.isEmpty { parts.append("timeout " + timeout) }
        }
        let condition = index < branches.count ? branches[index].condition : ""
        var text = parts.joined(separator: ", ")
        if !condition.isEmpty { text += (text.isEmpty ? "" : ": ") + condition }
        return text
    }
}

/// An entry in a scenario's step list: a step, or a block holding more entries.
///
/// In JSON a block is an object with a `"block"` key (its kind) and `"branches"`; anything
/// else is read as a step.
public enum ScenarioNode: Codable, Equatable, Sendable {
    case step(ScenarioStep)
    case block(ScenarioBlock)

    private enum Probe: String, CodingKey { case block }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Probe.self)
        if c.contains(.block) {
            self = .block(try ScenarioBlock(from: decoder))
        } else {
            self = .step(try ScenarioStep(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .step(let s): try s.encode(to: encoder)
        case .block(let b): try b.encode(to: encoder)
        }
    }

    public var step: ScenarioStep? {
        if case .step(let s) = self { return s }
        return nil
    }

    public var block: ScenarioBlock? {
        if case .block(let b) = self { return b }
        return nil
    }
}

extension ScenarioBlock.Kind: Labelled {
    public var label: String {
        switch self {
        case .alt: "Alternatives (alt / else)"
        case .opt: "Optional (opt)"
        case .loop: "Loop"
        case .par: "Parallel (par / and)"
        case .retry: "Retry, timeout, fallback"
        }
    }
}
