import DesignModel

/// Deciding, for `sysdraft interview`, whether to resume the session saved in a design or
/// start a new one, without ever silently throwing a saved timing log away.
public enum InterviewLaunch {
    /// The plan used when none is asked for and the design has no session.
    public static let defaultPlan = "standard"

    /// The plan to load: the one asked for, else the saved session's, else `standard`.
    public static func planName(requested: String?, saved: InterviewRecord?) -> String {
        requested ?? saved?.plan ?? defaultPlan
    }

    /// The session to run on `design`.
    /// - No saved session, or `restart`: a new session with `plan` (the old log, if any, is
    ///   replaced once the caller stores the new record).
    /// - A saved unfinished session: resumed (paused), provided `plan` is the one it used.
    /// - A saved finished session: refused without `restart`, so a finished log and its
    ///   self-assessment are not overwritten by accident.
    public static func session(for design: Design, plan: InterviewPlan, problem: String? = nil,
                               restart: Bool = false, now: Duration, countsSuspendedTime: Bool = false,
                               autoAdvance: Bool? = nil) throws(InterviewLaunchError) -> InterviewSession {
        guard let saved = design.interview, !restart else {
            return InterviewSession(plan: plan, problem: problem, countsSuspendedTime: countsSuspendedTime,
                                    autoAdvance: autoAdvance ?? false)
        }
        if saved.finished { throw .alreadyFinished(plan: saved.plan) }
        if saved.plan != plan.name { throw .otherPlanInProgress(saved: saved.plan, requested: plan.name) }
        if let problem, let was = saved.problem, problem != was {
            throw .otherProblemInProgress(saved: was, requested: problem)
        }
        do {
            var s = try InterviewSession(resuming: saved, plan: plan, now: now, countsSuspendedTime: countsSuspendedTime)
            if let autoAdvance { s.autoAdvance = autoAdvance }
            return s
        } catch {
            throw .cannotResume(error)
        }
    }
}

public enum InterviewLaunchError: Error, Equatable, CustomStringConvertible {
    case alreadyFinished(plan: String)
    case otherPlanInProgress(saved: String, requested: String)
    case otherProblemInProgress(saved: String, requested: String)
    case cannotResume(InterviewResumeError)

    public var description: String {
        switch self {
        case .alreadyFinished(let plan):
            "this design already holds a finished interview (plan \(plan)); use --restart to replace its "
                + "timing log and self-assessment, or practise on a new design"
        case .otherPlanInProgress(let saved, let requested):
            "this design has an interview in progress with plan \(saved), not \(requested); "
                + "leave out --plan to resume it, or use --restart to start over"
        case .otherProblemInProgress(let saved, let requested):
            "this design has an interview in progress on problem \(saved), not \(requested); "
                + "leave out --problem to resume it, or use --restart to start over"
        case .cannotResume(let e):
            e.description + "; use --restart to start over"
        }
    }
}

/// What the info panel (`i`) shows for a phase, as plain data: a heading and lines per section.
public struct PhaseBriefing: Equatable, Sendable {
    public struct Section: Equatable, Sendable {
        public var heading: String
        public var lines: [String]
    }

    public var title: String
    public var goal: String
    public var sections: [Section]

    /// The phase's goal, prompts and mistakes to avoid. With a problem: its statement, and in
    /// phases feeding the requirements stage its clarifying questions (`hints`), in phases
    /// feeding scalability a pointer to the interviewer for the numbers, and in the deep dive (phases feeding
    /// low-level design) where interviewers tend to push.
    public init(phase: InterviewPlan.Phase, problem: PracticeProblem? = nil, hints: Bool = true) {
        title = phase.title
        goal = phase.goal
        sections = []
        if let problem { sections.append(Section(heading: "Problem: \(problem.title)", lines: [problem.statement])) }
        if !phase.prompts.isEmpty { sections.append(Section(heading: "Keep in mind", lines: phase.prompts)) }
        if !phase.avoid.isEmpty { sections.append(Section(heading: "Avoid", lines: phase.avoid)) }
        if let problem, hints {
            if phase.stages.contains(.requirements), !problem.questions.isEmpty {
                sections.append(Section(heading: "Questions worth asking", lines: problem.questions))
            }
            if phase.stages.contains(.scalability), !problem.scale.isEmpty {
                // The numbers are the interviewer's to give when asked, so the briefing points there.
                sections.append(Section(heading: "Scale to assume", lines: [
                    "Ask the interviewer (I) about: " + problem.factTopics.map { $0.title.lowercased() }.joined(separator: ", "),
                ]))
            }
            if phase.stages.contains(.lowLevelDesign), !problem.focus.isEmpty {
                sections.append(Section(heading: "Where interviewers push", lines: problem.focus))
            }
        }
    }
}
