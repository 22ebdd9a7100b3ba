import DesignModel
import Foundation
import Testing
@testable import Interview

/// The repository's Assets directory, found from this file's location.
let assetsDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Assets")

let builtInPlans = assetsDirectory.appendingPathComponent("interview/plans")
let builtInProblems = assetsDirectory.appendingPathComponent("problems")

func loadStandardPlan() throws -> InterviewPlan {
    try PlanLoader.load(contentsOf: builtInPlans.appendingPathComponent("standard.json"))
}

/// A fake monotonic clock and a session driven by it; every event is logged with the
/// elapsed whole seconds of the phase it belongs to at the moment it fired.
struct Driver {
    var session: InterviewSession
    /// Any origin will do: the session only looks at differences.
    var now: Duration = .seconds(10_000)
    var log: [Entry] = []

    struct Entry: Equatable, CustomStringConvertible {
        var event: InterviewEvent
        var atPhaseSecond: Int?
        var description: String { "\(event)@\(atPhaseSecond.map(String.init) ?? "-")" }
    }

    init(_ session: InterviewSession) { self.session = session }

    mutating func send(_ input: InterviewInput) {
        record(session.send(input, at: now))
    }

    /// Lets `seconds` of wall time pass, ticking once per second like the runtime would.
    mutating func run(_ seconds: Int, step: Duration = .seconds(1)) {
        let end = now + .seconds(seconds)
        while now < end {
            now = min(now + step, end)
            record(session.tick(at: now))
        }
    }

    /// Wall time passes with no tick at all (a stalled runtime, or a suspended process).
    mutating func jump(_ seconds: Int) { now += .seconds(seconds) }

    private mutating func record(_ events: [InterviewEvent]) {
        for e in events {
            let phase: Int? = switch e {
            case .phaseWarning(let p), .phaseTimeUp(let p): p
            default: nil
            }
            log.append(Entry(event: e, atPhaseSecond: phase.map { InterviewSession.roundedSeconds(session.elapsed(inPhase: $0)) }))
        }
    }

    var alerts: [Entry] { log.filter(\.event.alertsUser) }
    var actual: [Int] { session.record.phases.map(\.actualSeconds) }
}

/// A small catalogue: two items per stage.
let testCatalogue = StageCatalogue(stages: StageKey.allCases.map { key in
    StageCatalogue.Stage(key: key, title: key.rawValue.capitalized, shortTitle: key.rawValue, purpose: "",
                         items: [.init(key: key.rawValue + ".a", text: "A"), .init(key: key.rawValue + ".b", text: "B")])
})

let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

/// Decodes a design the way a file load does.
func decodeDesign(_ data: Data) throws -> Design {
    try DesignCodec.decode(data)
}
