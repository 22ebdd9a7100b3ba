import DesignModel
import DesignStorage
import Foundation
import Interview

/// Where interview plans and practice problems come from: the bundled Assets/ and the user's
/// config directory (`$XDG_CONFIG_HOME/sysdraft/plans`, `…/problems`).
struct InterviewLibrary {
    let assets: AssetLocator
    let environment = ProcessInfo.processInfo.environment

    var builtInPlans: URL { assets.assets.appendingPathComponent("interview/plans") }
    var userPlans: URL? { PlanLoader.userDirectory(environment: environment) }
    var builtInProblems: URL { assets.assets.appendingPathComponent("problems") }
    var userProblems: URL? { ProblemLoader.userDirectory(environment: environment) }

    func plan(_ nameOrPath: String) throws(PlanLookupError) -> InterviewPlan {
        try PlanLoader.resolve(nameOrPath, builtIn: builtInPlans, user: userPlans,
                               workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    func problems() -> (set: ProblemSet, errors: [AssetFileError]) {
        let loaded = ProblemLoader.loadAll([builtInProblems] + [userProblems].compactMap { $0 })
        return (ProblemSet(loaded.problems), loaded.errors)
    }

    /// The session saved in a design, picked up paused (nil when there is none or it is unreadable).
    func resume(_ design: Design, now: Duration) -> (InterviewSession?, PracticeProblem?) {
        guard let record = design.interview else { return (nil, nil) }
        let plan = try? plan(record.plan)
        let session = try? InterviewSession(resuming: record, plan: plan, now: now)
        let problem = record.problem.flatMap { try? problems().set.find($0) }
        return (session, problem)
    }
}
