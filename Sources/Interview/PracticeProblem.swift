import DesignModel
import Foundation

/// A classic system-design interview question, loaded from `Assets/problems/<key>.json`.
public struct PracticeProblem: Equatable, Sendable {
    public enum Category: String, CaseIterable, Sendable {
        /// General distributed-systems problems.
        case classic
        /// Machine-learning systems.
        case ml
    }

    public enum Difficulty: String, CaseIterable, Sendable { case easy, medium, hard }

    /// One number to assume, such as "Daily active users" → "100 million".
    public struct ScaleFact: Equatable, Sendable {
        public var label: String
        public var value: String
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The file name without `.json`, e.g. `url-shortener`; what `--problem` takes.
    public var key: String
    public var title: String
    public var category: Category
    public var difficulty: Difficulty
    /// What to design, as the interviewer would say it.
    public var statement: String
    /// Questions worth asking in the clarify phase.
    public var questions: [String]
    /// The numbers to assume when the interviewer is asked (users, traffic, data size, ...).
    public var scale: [ScaleFact]
    /// A reasonable requirement set, to compare against once the interview is over.
    public var functional: [String]
    public var nonFunctional: [String]
    /// Where interviewers usually push in the deep dive.
    public var focus: [String]
    /// What the interviewer answers when asked, by topic (see `ProblemCoaching.swift`).
    public var facts: [Fact]
    /// The interviewer's follow-up questions for each kind of phase.
    public var followUps: [PhaseRole: [String]]
    /// What a strong answer covers, checked against the design after the interview.
    public var keyPoints: [KeyPoint]
    /// Surprises the interviewer may throw in during the deep dive or scale phase.
    public var curveballs: [CurveballOption]
    /// The self-assessment dimensions this problem exercises most (for practice suggestions).
    public var stresses: [InterviewRecord.Dimension]

    public init(key: String, title: String, category: Category = .classic, difficulty: Difficulty = .medium,
                statement: String, questions: [String] = [], scale: [ScaleFact] = [],
                functional: [String] = [], nonFunctional: [String] = [], focus: [String] = [],
                facts: [Fact] = [], followUps: [PhaseRole: [String]] = [:], keyPoints: [KeyPoint] = [],
                curveballs: [CurveballOption] = [], stresses: [InterviewRecord.Dimension] = []) {
        self.key = key
        self.title = title
        self.category = category
        self.difficulty = difficulty
        self.statement = statement
        self.questions = questions
        self.scale = scale
        self.functional = functional
        self.nonFunctional = nonFunctional
        self.focus = focus
        // A problem with facts but no separate scale list offers its facts as the scale to assume;
        // an older problem with only a scale list answers with it when asked.
        self.facts = facts.isEmpty ? scale.map { Fact(topic: .other, label: $0.label, value: $0.value) } : facts
        if scale.isEmpty { self.scale = facts.map { ScaleFact(label: $0.label, value: $0.value) } }
        self.followUps = followUps
        self.keyPoints = keyPoints
        self.curveballs = curveballs
        self.stresses = stresses
    }

    /// The scale facts as a bullet list, for notes.
    public var scaleText: String {
        scale.map { "- \($0.label): \($0.value)" }.joined(separator: "\n")
    }
}

/// What goes into a design started from a practice problem.
public struct SeedOptions: Equatable, Sendable {
    /// Put the scale to assume into the requirements stage notes.
    public var scaleNotes: Bool
    /// Add the problem's suggested requirements as requirements (off by default: finding them
    /// is the first part of the exercise).
    public var suggestedRequirements: Bool

    public init(scaleNotes: Bool = true, suggestedRequirements: Bool = false) {
        self.scaleNotes = scaleNotes
        self.suggestedRequirements = suggestedRequirements
    }
}

extension PracticeProblem {
    /// A new design for practising this problem: its title and statement, and (by default) the
    /// scale to assume in the requirements stage notes.
    public func makeDesign(now: Date, options: SeedOptions = SeedOptions()) -> Design {
        var design = Design(title: title, problem: statement, now: now)
        seed(&design, options: options)
        return design
    }

    /// Adds the problem's material to an existing design (notes are appended, never replaced).
    public func seed(_ design: inout Design, options: SeedOptions = SeedOptions()) {
        if design.problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { design.problem = statement }
        if options.scaleNotes && !scale.isEmpty {
            let text = "Scale to assume (what the interviewer answers when asked):\n" + scaleText
            design.updateStage(.requirements) { s in
                s.notes += (s.notes.isEmpty ? "" : "\n\n") + text
            }
        }
        if options.suggestedRequirements {
            for f in functional { design.addRequirement(.functional, f) }
            for n in nonFunctional { design.addRequirement(.nonFunctional, n) }
        }
    }
}

/// Reads and checks problem files, and finds problems by key.
public enum ProblemLoader {
    static let fields = ["title", "category", "difficulty", "statement", "questions", "scale", "requirements", "focus",
                         "facts", "followUps", "keyPoints", "curveballs", "stresses"]
    /// Fewest clarifying questions a problem file must offer.
    public static let minimumQuestions = 3

    public static func load(_ data: Data, key: String, file: String? = nil) throws(AssetFileError) -> PracticeProblem {
        var r = AssetReader(data)
        if !AssetFiles.isKey(key) {
            r.problems.append(AssetProblem(path: "(top level)", message:
                "the file name \"\(key)\" must be lower-case letters, digits and dashes, like \"url-shortener\""))
        }
        let problem = read(&r, key: key)
        if let problem, r.problems.isEmpty { return problem }
        throw AssetFileError(kind: .problem, file: file ?? key, problems: r.problems)
    }

    public static func load(contentsOf url: URL) throws(AssetFileError) -> PracticeProblem {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw AssetFileError(kind: .problem, file: url.path, problems: [
                AssetProblem(path: "(top level)", message: "cannot read the file: \(describeReadError(error))"),
            ])
        }
        return try load(data, key: AssetFiles.name(of: url), file: url.path)
    }

    static func read(_ r: inout AssetReader, key: String) -> PracticeProblem? {
        guard let root = r.parse() else { return nil }
        guard let f = r.object(root, [], known: fields, what: "problem") else { return nil }
        let title = r.string(f, "title", [], what: "problem")
        let statement = r.string(f, "statement", [], what: "problem")
        var category = PracticeProblem.Category.classic
        if let c = r.string(f, "category", [], what: "problem", required: false) {
            if let v = PracticeProblem.Category(rawValue: c) { category = v } else {
                r.fail([.key("category")], "problem: unknown category \"\(c)\"; use one of "
                    + PracticeProblem.Category.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var difficulty = PracticeProblem.Difficulty.medium
        if let d = r.string(f, "difficulty", [], what: "problem", required: false) {
            if let v = PracticeProblem.Difficulty(rawValue: d) { difficulty = v } else {
                r.fail([.key("difficulty")], "problem: unknown difficulty \"\(d)\"; use one of "
                    + PracticeProblem.Difficulty.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let questions = r.strings(f, "questions", [], what: "problem", required: true)
        if f["questions"] != nil, case .array = f["questions"]!, questions.count < minimumQuestions {
            r.fail([.key("questions")], "problem: give at least \(minimumQuestions) clarifying questions, found \(questions.count)")
        }
        let focus = r.strings(f, "focus", [], what: "problem")

        let coaching = readCoaching(&r, f)
        var scale: [PracticeProblem.ScaleFact] = []
        switch f["scale"] {
        case nil:
            if coaching.facts.isEmpty && f["facts"] == nil {
                r.fail([], "problem: missing \"facts\" (what the interviewer answers when asked: users, traffic, "
                    + "read:write ratio, data size, constraints)")
            }
        case .array(let items)?:
            if items.isEmpty { r.fail([.key("scale")], "problem: scale is empty") }
            for (i, item) in items.enumerated() {
                let path: AssetReader.Path = [.key("scale"), .index(i)]
                let what = "scale item \(i + 1)"
                guard let sf = r.object(item, path, known: ["label", "value"], what: what) else { continue }
                if let label = r.string(sf, "label", path, what: what), let value = r.string(sf, "value", path, what: what) {
                    scale.append(.init(label: label, value: value))
                }
            }
        case let other?:
            r.fail([.key("scale")], "problem: scale must be a list of {\"label\", \"value\"} objects, found \(other.kindName)")
        }

        var functional: [String] = [], nonFunctional: [String] = []
        if let req = f["requirements"],
           let rf = r.object(req, [.key("requirements")], known: ["functional", "nonFunctional"], what: "requirements") {
            functional = r.strings(rf, "functional", [.key("requirements")], what: "requirements")
            nonFunctional = r.strings(rf, "nonFunctional", [.key("requirements")], what: "requirements")
        }

        guard let title, let statement else { return nil }
        return PracticeProblem(key: key, title: title, category: category, difficulty: difficulty,
                               statement: statement, questions: questions, scale: scale,
                               functional: functional, nonFunctional: nonFunctional, focus: focus,
                               facts: coaching.facts, followUps: coaching.followUps, keyPoints: coaching.keyPoints,
                               curveballs: coaching.curveballs, stresses: coaching.stresses)
    }

    /// The user's problem directory: `$XDG_CONFIG_HOME/sysdraft/problems`, by default
    /// `~/.config/sysdraft/problems`.
    public static func userDirectory(environment: [String: String]) -> URL? {
        AssetFiles.configDirectory("problems", environment: environment)
    }

    /// Loads every problem file in the given directories (later ones replace earlier ones of
    /// the same key). Broken files are returned separately so they can be reported.
    public static func loadAll(_ directories: [URL]) -> (problems: [PracticeProblem], errors: [AssetFileError]) {
        var byKey: [String: PracticeProblem] = [:]
        var errors: [AssetFileError] = []
        for dir in directories {
            for url in AssetFiles.jsonFiles(in: dir) {
                do { let p = try load(contentsOf: url); byKey[p.key] = p } catch { errors.append(error) }
            }
        }
        return (byKey.values.sorted { $0.key < $1.key }, errors)
    }
}

/// The practice problems on offer, with lookup by what a user types.
public struct ProblemSet: Equatable, Sendable {
    public var problems: [PracticeProblem]

    public init(_ problems: [PracticeProblem]) { self.problems = problems.sorted { $0.key < $1.key } }

    /// An exact key, else a case-insensitive key prefix or title word match that picks out
    /// exactly one problem ("url" → url-shortener, "rag" → rag-document-search).
    public func find(_ text: String) throws(ProblemLookupError) -> PracticeProblem {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let p = problems.first(where: { $0.key == t }) { return p }
        var matches = problems.filter { $0.key.hasPrefix(t) }
        if matches.isEmpty {
            matches = problems.filter { $0.title.lowercased().contains(t) }
        }
        if !t.isEmpty, matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw .ambiguous(text, matches.map(\.key)) }
        throw .unknown(text, problems.map(\.key))
    }

    /// A problem picked with the given generator (inject a seeded one in tests).
    public func random(using generator: inout some RandomNumberGenerator,
                       category: PracticeProblem.Category? = nil) -> PracticeProblem? {
        problems.filter { category == nil || $0.category == category }.randomElement(using: &generator)
    }
}

public enum ProblemLookupError: Error, Equatable, CustomStringConvertible {
    case unknown(String, [String])
    case ambiguous(String, [String])

    public var description: String {
        switch self {
        case .unknown(let t, let keys):
            "no practice problem \"\(t)\"" + (keys.isEmpty ? "" : "; available: " + keys.joined(separator: ", "))
        case .ambiguous(let t, let keys):
            "\"\(t)\" matches several problems: " + keys.joined(separator: ", ")
        }
    }
}
