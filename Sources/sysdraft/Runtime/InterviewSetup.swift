import DesignModel
import DesignStorage
import Foundation
import Interview

/// Where interview plans and practice problems come from: the built-in ones, the data folders
/// and the user's config folders (`$XDG_CONFIG_HOME/sysdraft/plans`, `…/problems`), which
/// replace built-in ones of the same name (see `AssetLocator.standard`).
struct InterviewLibrary {
    let assets: AssetLocator
    let environment = ProcessInfo.processInfo.environment

    /// Every plan file, one per name, the one in use.
    func planFiles() -> [AssetFile] { assets.files(in: AssetLocator.plansFolder, suffix: ".json") }

    func problemFiles() -> [AssetFile] { assets.files(in: AssetLocator.problemsFolder, suffix: ".json") }

    /// A plan by name (`standard`, or one of the user's) or by path (`./mine.json`, `~/p.json`).
    func plan(_ nameOrPath: String) throws(PlanLookupError) -> InterviewPlan {
        let isName = !nameOrPath.contains("/") && !nameOrPath.hasPrefix(".") && !nameOrPath.hasPrefix("~")
            && !nameOrPath.hasSuffix(".json") && !nameOrPath.isEmpty
        if isName {
            guard let file = assets.file(AssetLocator.plansFolder + "/" + nameOrPath + ".json") else {
                throw .unknownName(nameOrPath, known: planFiles().map(\.name))
            }
            do { return try Self.loadPlan(file) } catch { throw .invalid(error) }
        }
        return try PlanLoader.resolve(nameOrPath, builtIn: nil, user: nil,
                                      workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                      home: environment["HOME"])
    }

    static func loadPlan(_ file: AssetFile) throws(AssetFileError) -> InterviewPlan {
        try PlanLoader.load(try read(file, .plan), name: file.name, file: file.display)
    }

    static func loadProblem(_ file: AssetFile) throws(AssetFileError) -> PracticeProblem {
        try ProblemLoader.load(try read(file, .problem), key: file.name, file: file.display)
    }

    private static func read(_ file: AssetFile, _ kind: AssetFileError.Kind) throws(AssetFileError) -> Data {
        do { return try file.data() } catch {
            throw AssetFileError(kind: kind, file: file.display, problems: [
                AssetProblem(path: "(top level)", message: "cannot read the file: \((error as? StorageError)?.message ?? "\(error)")"),
            ])
        }
    }

    func problems() -> (set: ProblemSet, errors: [AssetFileError]) {
        var problems: [PracticeProblem] = []
        var errors: [AssetFileError] = []
        for file in problemFiles() {
            do { problems.append(try Self.loadProblem(file)) } catch { errors.append(error) }
        }
        return (ProblemSet(problems), errors)
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
