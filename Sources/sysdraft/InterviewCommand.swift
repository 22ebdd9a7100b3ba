import ArgumentParser
import DesignModel
import DesignStorage
import Foundation
import Interview

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Practise a system-design interview against the clock.",
        discussion: """
            Starts a timed mock interview in the workspace: a new design seeded from a practice \
            problem, or an existing design (its unfinished interview is resumed). The header shows \
            the phase, its time left and the total; t starts/pauses, ] and [ change phase, + adds \
            a minute, i shows the phase's prompts, I the interviewer card (facts on request, \
            follow-up questions, the curveball), :summary the timing log, timeline, flags, key \
            points and self-assessment.

            The interviewer throws in one curveball at a random moment of the deep dive or scale \
            phase; --no-curveball turns it off, --seed N makes its choice repeatable (the seed is \
            kept in the design, so a resumed interview is the same one). Every finished interview \
            is added to the practice history (see `sysdraft practice`).

            Time while sysdraft is suspended with Ctrl-Z does not count unless --count-suspended \
            is given. The timing log is saved in the design and appears in the report's appendix.
            """
    )

    @Argument(help: "The design file (default: a new file named after the problem).", completion: .designFile)
    var file: String?

    @Option(help: "A practice problem (see --list): a key, a prefix or a title word.", completion: .problemName)
    var problem: String?

    @Flag(help: "Pick a practice problem at random.")
    var random = false

    @Option(help: "The interview plan: standard (60 min), short (45 min), a name from your plans folder, or a path.", completion: .planName)
    var plan: String?

    @Flag(help: "No bell at phase boundaries.")
    var quiet = false

    @Flag(help: "Replace a finished or different interview already in the design.")
    var restart = false

    @Flag(help: "Move to the next phase automatically when a phase's time is up.")
    var strict = false

    @Flag(name: .customLong("count-suspended"), help: "Count time while sysdraft is suspended (Ctrl-Z).")
    var countSuspended = false

    @Flag(name: .customLong("no-curveball"), help: "No curveball from the interviewer.")
    var noCurveball = false

    @Option(help: ArgumentHelp("Seed for the interviewer's choices (which curveball, and when).", valueName: "N"))
    var seed: Int?

    @Flag(help: "List the practice problems and plans, then exit.")
    var list = false

    @Option(help: "Colour theme for the workspace.", completion: .themeName)
    var theme: String?

    func run() throws {
        let assets = try assetsOrExit()
        let library = InterviewLibrary(assets: assets)
        let (problems, problemErrors) = library.problems()
        for e in problemErrors { printError(e) }
        if list {
            say("Practice problems:")
            for p in problems.problems { say("  \(p.key.padding(toLength: 26, withPad: " ", startingAt: 0)) \(p.title)") }
            say("Plans:")
            for p in library.planFiles() {
                switch Result(catching: { () throws(AssetFileError) in try InterviewLibrary.loadPlan(p) }) {
                case .success(let plan):
                    let seconds = plan.phases.map(\.plannedSeconds).reduce(0, +)
                    let length = seconds % 60 == 0 ? "\(seconds / 60) min" : TimeFormat.clock(seconds)
                    say("  \(p.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(plan.title), \(length) (\(p.originNote))")
                case .failure(let error):
                    for (n, line) in problemLines(error).enumerated() {
                        say(n == 0 ? "  \(p.name.padding(toLength: 26, withPad: " ", startingAt: 0)) broken: \(line)"
                                   : "  \(String(repeating: " ", count: 26)) \(line)")
                    }
                }
            }
            return
        }
        if problem != nil && random { throw ValidationError("use either --problem or --random, not both") }

        var chosen: PracticeProblem?
        do {
            if let problem { chosen = try problems.find(problem) }
        } catch {
            printError(error)
            throw Exit.usage
        }
        if random {
            var rng = SystemRandomNumberGenerator()
            chosen = problems.random(using: &rng)
        }

        let path = file ?? ((chosen ?? problems.problems.first).map { "\($0.key)-interview.json" } ?? "interview.json")
        var design: Design
        if !DesignFile.isMissing(path) {
            // Also an unreadable file, a FIFO or a loop of links: reading it says what is wrong.
            design = try loadOrExit(path)
        } else {
            if chosen == nil {
                var rng = SystemRandomNumberGenerator()
                chosen = problems.random(using: &rng)
            }
            // The numbers are the interviewer's to give (I), not pre-filled notes.
            design = chosen.map { $0.makeDesign(now: Date(), options: SeedOptions(scaleNotes: false)) }
                ?? Design(title: NewCommand.titleFromFileName(path), now: Date())
        }

        let planName = InterviewLaunch.planName(requested: plan, saved: restart ? nil : design.interview)
        let interviewPlan: InterviewPlan
        do { interviewPlan = try library.plan(planName) } catch {
            printError(error)
            throw Exit.usage
        }
        let problemKey = chosen?.key ?? (restart ? nil : design.interview?.problem)
        var session: InterviewSession
        do {
            session = try InterviewLaunch.session(for: design, plan: interviewPlan, problem: problemKey, restart: restart,
                                                  now: .zero, countsSuspendedTime: countSuspended,
                                                  autoAdvance: strict ? true : nil)
        } catch {
            printError(error)
            throw Exit.invalidDesign
        }
        let fresh = design.interview == nil || restart
        if fresh {
            var rng = SystemRandomNumberGenerator()
            let seed = self.seed ?? CurveballPlanner.randomSeed(using: &rng)
            let problem = chosen ?? problemKey.flatMap { try? problems.find($0) }
            session.prepareCoaching(problem: problem, seed: seed, curveball: !noCurveball)
            session.setAttempt(Date().formatted(.iso8601) + "-\(seed)")
        } else if seed != nil || noCurveball {
            printError("resuming the interview in \(path): its seed and curveball were chosen when it started; "
                + "--seed and --no-curveball apply to new interviews (--restart starts over)")
        }
        design.interview = session.record(at: .zero)
        // The seeded design and the started log are written first, so the workspace opens a real file.
        if fresh { try saveOrExit(design, to: path) }
        if let chosen, fresh { say("Problem: \(chosen.title) — plan: \(interviewPlan.title)") }

        var args = [path, "--start-interview"]
        if quiet { args.append("--quiet") }
        if let theme { args += ["--theme", theme] }
        let open = try OpenCommand.parse(args)
        try open.run()
    }
}
