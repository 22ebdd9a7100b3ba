import DesignModel
import Foundation

/// A timeboxed interview: ordered phases, each with its planned time, a one-line goal, things
/// to keep in mind, mistakes to avoid, and the checklist stages it feeds.
/// Loaded from `Assets/interview/plans/<name>.json` or the user's plan directory; the format
/// is described in `Assets/interview/README.md`.
public struct InterviewPlan: Equatable, Sendable {
    public struct Phase: Equatable, Sendable {
        /// Short stable key such as `clarify` (lower-case letters, digits, dashes).
        public var key: String
        public var title: String
        public var plannedSeconds: Int
        /// One line: what this phase must produce.
        public var goal: String
        /// Things to keep in mind while in the phase.
        public var prompts: [String]
        /// Common mistakes to avoid in the phase.
        public var avoid: [String]
        /// Checklist stages whose items this phase should tick off.
        public var stages: [StageKey]

        public init(key: String, title: String, plannedSeconds: Int, goal: String = "",
                    prompts: [String] = [], avoid: [String] = [], stages: [StageKey] = []) {
            self.key = key
            self.title = title
            self.plannedSeconds = plannedSeconds
            self.goal = goal
            self.prompts = prompts
            self.avoid = avoid
            self.stages = stages
        }
    }

    /// The name the plan is chosen by (`--plan NAME`): its file name without `.json`.
    public var name: String
    public var title: String
    /// A sentence or two on when to use the plan (optional).
    public var summary: String
    public var phases: [Phase]

    public init(name: String, title: String, summary: String = "", phases: [Phase]) {
        self.name = name
        self.title = title
        self.summary = summary
        self.phases = phases
    }

    public var totalSeconds: Int { phases.lazy.map(\.plannedSeconds).clampedSum() }

    /// A plan rebuilt from a saved timing log, for resuming when the plan file is gone: the
    /// timings survive, goals and prompts do not.
    public init(record: InterviewRecord) {
        self.init(name: record.plan, title: record.planTitle.isEmpty ? record.plan : record.planTitle,
                  phases: record.phases.map {
                      Phase(key: $0.key, title: $0.title, plannedSeconds: $0.plannedSeconds, stages: $0.stages)
                  })
    }

    /// A fresh timing log for this plan.
    public func newRecord(problem: String? = nil) -> InterviewRecord {
        InterviewRecord(plan: name, planTitle: title, problem: problem, phases: phases.map {
            InterviewRecord.PhaseLog(key: $0.key, title: $0.title, plannedSeconds: $0.plannedSeconds, stages: $0.stages)
        })
    }
}

/// Reads and checks plan files, and finds plans by name or path.
public enum PlanLoader {
    /// Longest plan accepted: a typo like `"minutes": 600` should not go unnoticed.
    public static let maximumTotalSeconds = 8 * 3600

    static let planFields = ["title", "description", "totalMinutes", "phases"]
    static let phaseFields = ["key", "title", "minutes", "seconds", "goal", "prompts", "avoid", "stages"]

    /// Decodes and validates a plan. `name` is what the plan is called (the file name without
    /// `.json`); `file` is used in error messages (defaults to the name).
    public static func load(_ data: Data, name: String, file: String? = nil) throws(AssetFileError) -> InterviewPlan {
        var r = AssetReader(data)
        let plan = read(&r, name: name)
        if let plan, r.problems.isEmpty { return plan }
        throw AssetFileError(kind: .plan, file: file ?? name, problems: r.problems)
    }

    /// Loads a plan file; its name is the file name without `.json`.
    public static func load(contentsOf url: URL) throws(AssetFileError) -> InterviewPlan {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw AssetFileError(kind: .plan, file: url.path, problems: [
                AssetProblem(path: "(top level)", message: "cannot read the file: \(describeReadError(error))"),
            ])
        }
        return try load(data, name: AssetFiles.name(of: url), file: url.path)
    }

    static func read(_ r: inout AssetReader, name: String) -> InterviewPlan? {
        guard let root = r.parse() else { return nil }
        guard let fields = r.object(root, [], known: planFields, what: "plan") else { return nil }
        let title = r.string(fields, "title", [], what: "plan")
        let summary = r.string(fields, "description", [], what: "plan", required: false) ?? ""
        let totalMinutes = r.number(fields, "totalMinutes", [], what: "plan")

        var phases: [InterviewPlan.Phase] = []
        switch fields["phases"] {
        case nil:
            r.fail([], "plan: missing \"phases\" (the ordered list of phases)")
        case .array(let items)?:
            if items.isEmpty { r.fail([.key("phases")], "plan: phases is empty; a plan needs at least one phase") }
            var seen: [String: Int] = [:]
            for (i, item) in items.enumerated() {
                if let p = readPhase(&r, item, index: i) {
                    if let first = seen[p.key] {
                        r.fail([.key("phases"), .index(i), .key("key")],
                               "phase \(i + 1) \"\(p.key)\": key \"\(p.key)\" is already used by phase \(first + 1)")
                    } else {
                        seen[p.key] = i
                    }
                    phases.append(p)
                }
            }
        case let other?:
            r.fail([.key("phases")], "plan: phases must be a list of phases, found \(other.kindName)")
        }

        let total = phases.reduce(0) { $0 + $1.plannedSeconds }
        if r.problems.isEmpty {
            if let totalMinutes, Int((totalMinutes * 60).rounded()) != total {
                r.fail([.key("totalMinutes")], "plan: totalMinutes is \(format(totalMinutes)) but the phases add up to "
                    + "\(TimeFormat.minutes(total)); fix one or leave totalMinutes out")
            }
            if total > maximumTotalSeconds {
                r.fail([.key("phases")], "plan: the phases add up to \(TimeFormat.minutes(total)), "
                    + "more than the \(maximumTotalSeconds / 3600) hours allowed")
            }
        }
        guard let title else { return nil }
        return InterviewPlan(name: name, title: title, summary: summary, phases: phases)
    }

    static func readPhase(_ r: inout AssetReader, _ value: JSONValue, index i: Int) -> InterviewPlan.Phase? {
        let path: AssetReader.Path = [.key("phases"), .index(i)]
        var what = "phase \(i + 1)"
        guard let f = r.object(value, path, known: phaseFields, what: what) else { return nil }
        let key = r.string(f, "key", path, what: what)
        if let key {
            what += " \"\(key)\""
            if !AssetFiles.isKey(key) {
                r.fail(path + [.key("key")], "\(what): key must be lower-case letters, digits and dashes, like \"deep-dive\"")
            }
        }
        let title = r.string(f, "title", path, what: what)
        let goal = r.string(f, "goal", path, what: what)
        let prompts = r.strings(f, "prompts", path, what: what)
        let avoid = r.strings(f, "avoid", path, what: what)

        var seconds: Int?
        let minutes = r.number(f, "minutes", path, what: what)
        let secs = r.number(f, "seconds", path, what: what)
        switch (minutes, secs, f["minutes"] != nil || f["seconds"] != nil) {
        case (let m?, nil, _):
            if m <= 0 { r.fail(path + [.key("minutes")], "\(what): minutes must be > 0, found \(format(m))") }
            else if (m * 60).rounded() != m * 60 {
                r.fail(path + [.key("minutes")], "\(what): minutes must be a whole number of seconds (e.g. 7.5), found \(format(m))")
            } else { seconds = Int(m * 60) }
        case (nil, let s?, _):
            if s <= 0 { r.fail(path + [.key("seconds")], "\(what): seconds must be > 0, found \(format(s))") }
            else if s.rounded() != s { r.fail(path + [.key("seconds")], "\(what): seconds must be a whole number, found \(format(s))") }
            else { seconds = Int(s) }
        case (_?, _?, _):
            r.fail(path, "\(what): give either \"minutes\" or \"seconds\", not both")
        case (nil, nil, false):
            r.fail(path, "\(what): missing \"minutes\" (or \"seconds\") for the phase's timebox")
        case (nil, nil, true):
            break // wrong type, already reported
        }
        if let seconds, seconds > maximumTotalSeconds {
            r.fail(path, "\(what): \(TimeFormat.minutes(seconds)) is longer than a whole interview may be")
        }

        var stages: [StageKey] = []
        switch f["stages"] {
        case nil:
            break
        case .array(let items)?:
            for (j, item) in items.enumerated() {
                guard case .string(let s) = item else {
                    r.fail(path + [.key("stages"), .index(j)], "\(what): stages item \(j + 1) must be a string, found \(item.kindName)")
                    continue
                }
                guard let stage = StageKey(rawValue: s) else {
                    r.fail(path + [.key("stages"), .index(j)], "\(what): unknown stage key \"\(s)\"; known stages: "
                        + StageKey.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                if stages.contains(stage) {
                    r.fail(path + [.key("stages"), .index(j)], "\(what): stage \"\(s)\" is listed twice")
                } else {
                    stages.append(stage)
                }
            }
        case let other?:
            r.fail(path + [.key("stages")], "\(what): stages must be a list of stage keys, found \(other.kindName)")
        }

        guard let key, let title, let goal, let seconds else { return nil }
        return InterviewPlan.Phase(key: key, title: title, plannedSeconds: seconds, goal: goal,
                                   prompts: prompts, avoid: avoid, stages: stages)
    }

    static func format(_ n: Double) -> String {
        n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    // MARK: finding plans

    /// The user's plan directory: `$XDG_CONFIG_HOME/sysdraft/plans`, by default
    /// `~/.config/sysdraft/plans`. Nil when neither variable is usable.
    public static func userDirectory(environment: [String: String]) -> URL? {
        AssetFiles.configDirectory("plans", environment: environment)
    }

    /// A plan file found on disk, loaded or not.
    public struct Listing: Sendable {
        public enum Origin: String, Sendable { case builtIn = "built-in", user }
        public var name: String
        public var url: URL
        public var origin: Origin
        /// The plan, or why the file cannot be used.
        public var result: Result<InterviewPlan, AssetFileError>
        /// A user plan hides a built-in plan of the same name.
        public var shadows: Bool
    }

    /// Every plan file in the built-in and user directories, sorted by name, broken ones
    /// included (so a plan list can show why a file is not usable). A user plan named like a
    /// built-in one replaces it; the built-in one is then left out.
    public static func available(builtIn: URL?, user: URL?) -> [Listing] {
        var byName: [String: Listing] = [:]
        for (dir, origin) in [(builtIn, Listing.Origin.builtIn), (user, .user)] {
            guard let dir else { continue }
            for url in AssetFiles.jsonFiles(in: dir) {
                let name = AssetFiles.name(of: url)
                let result = Result { () throws(AssetFileError) in try load(contentsOf: url) }
                let shadows = byName[name] != nil
                byName[name] = Listing(name: name, url: url, origin: origin, result: result, shadows: shadows)
            }
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// Finds a plan given what the user typed after `--plan`: a path (contains `/`, ends in
    /// `.json` or starts with `~` or `.`) is loaded as is (relative to `workingDirectory`);
    /// a name is looked up in the user directory first, then the built-in one.
    public static func resolve(_ nameOrPath: String, builtIn: URL?, user: URL?,
                               workingDirectory: URL? = nil, home: String? = nil) throws(PlanLookupError) -> InterviewPlan {
        if AssetFiles.looksLikePath(nameOrPath) {
            let expanded = AssetFiles.expandTilde(nameOrPath, home: home)
            let url = expanded.hasPrefix("/") || workingDirectory == nil
                ? URL(fileURLWithPath: expanded) : workingDirectory!.appendingPathComponent(expanded)
            guard FileManager.default.fileExists(atPath: url.path) else { throw .noSuchFile(url.path) }
            do { return try load(contentsOf: url) } catch { throw .invalid(error) }
        }
        for dir in [user, builtIn].compactMap({ $0 }) {
            let url = dir.appendingPathComponent(nameOrPath + ".json")
            if FileManager.default.fileExists(atPath: url.path) {
                do { return try load(contentsOf: url) } catch { throw .invalid(error) }
            }
        }
        let known = available(builtIn: builtIn, user: user).map(\.name)
        throw .unknownName(nameOrPath, known: known)
    }
}

public enum PlanLookupError: Error, Equatable, CustomStringConvertible {
    case noSuchFile(String)
    case unknownName(String, known: [String])
    case invalid(AssetFileError)

    public var description: String {
        switch self {
        case .noSuchFile(let path): "no plan file at \(path)"
        case .unknownName(let name, let known):
            "no plan named \"\(name)\"" + (known.isEmpty ? "" : "; available plans: " + known.joined(separator: ", "))
        case .invalid(let e): e.description
        }
    }
}

func describeReadError(_ error: Error) -> String {
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain {
        switch ns.code {
        case NSFileReadNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        default: break
        }
    }
    return ns.localizedDescription
}
