import DesignModel
import Foundation
import Testing

/// Every whole number in the model, at and around the ends of its range and of `Int`: loading
/// and `validate` accept exactly the documented range, and refuse the rest with the JSON path.
@Suite struct NumberLimitTests {
    static let maxSeconds = InterviewRecord.maximumSeconds

    /// The extreme inputs tried for every field.
    static let extremes: [Int] = [Int.min, Int.min + 1, -maxSeconds - 1, -1, 0, 1, 4, 5, 59,
                                  maxSeconds - 1, maxSeconds, maxSeconds + 1, InterviewRecord.maximumPauses + 1,
                                  Int(Int32.max), Int.max - 1, Int.max]

    /// Each field: where it is in the JSON, its documented range, and how to set it.
    static let fields: [(path: String, range: ClosedRange<Int>, set: @Sendable (inout InterviewRecord, Int) -> Void)] = [
        ("interview.phases[1].plannedSeconds", 1...maxSeconds, { $0.phases[1].plannedSeconds = $1 }),
        ("interview.phases[1].extraSeconds", 0...maxSeconds, { $0.phases[1].extraSeconds = $1 }),
        ("interview.phases[1].actualSeconds", 0...maxSeconds, { $0.phases[1].actualSeconds = $1 }),
        ("interview.currentPhase", 0...3, { $0.currentPhase = $1 }),
        ("interview.pausedSeconds", 0...maxSeconds, { $0.pausedSeconds = $1 }),
        ("interview.pauses", 0...InterviewRecord.maximumPauses, { $0.pauses = $1 }),
        ("interview.suspendedSeconds", 0...maxSeconds, { $0.suspendedSeconds = $1 }),
        ("interview.scores.communication", 1...4, { $0.scores["communication"] = $1 }),
    ]

    static func record() -> InterviewRecord {
        InterviewRecord(plan: "standard", planTitle: "Standard", phases: [
            .init(key: "clarify", title: "Clarify", plannedSeconds: 300, actualSeconds: 280),
            .init(key: "design", title: "Design", plannedSeconds: 1200, extraSeconds: 60, actualSeconds: 1300),
            .init(key: "wrap", title: "Wrap up", plannedSeconds: 300),
        ], currentPhase: 2, started: true, pausedSeconds: 30, pauses: 1)
    }

    @Test func theInRangeRecordIsSound() throws {
        var d = try sampleDesign()
        d.interview = Self.record()
        #expect(d.findings().filter { $0.path.hasPrefix("interview") }.isEmpty)
        #expect(try DesignCodec.decode(try DesignCodec.encode(d)) == d)
    }

    @Test func everyFieldAtEveryExtremeIsAcceptedExactlyInItsRange() throws {
        for field in Self.fields {
            for value in Self.extremes {
                var d = try sampleDesign()
                var r = Self.record()
                field.set(&r, value)
                d.interview = r
                let findings = d.findings().filter { $0.severity == .error }
                let data = try DesignCodec.encode(d)
                var loadError: DesignLoadError?
                do { _ = try DesignCodec.decode(data) } catch { loadError = error }
                let context = "\(field.path) = \(value)"
                if field.range.contains(value) {
                    #expect(findings.isEmpty, "\(context): \(findings)")
                    #expect(loadError == nil, "\(context): \(String(describing: loadError))")
                } else {
                    #expect(findings.map(\.path) == [field.path], "\(context): \(findings)")
                    #expect(findings.first?.message.contains("\(value) is outside \(field.range.lowerBound)...\(field.range.upperBound)") == true,
                            "\(context): \(findings)")
                    guard case .integrity(let f)? = loadError else { Issue.record("\(context): loaded (\(String(describing: loadError)))"); continue }
                    #expect(f == findings)
                    #expect(loadError!.description.contains(field.path))
                }
            }
        }
    }

    /// Ids carry numbers too: the next id after `comp-9223372036854775807` does not overflow.
    @Test func nextIDNeverOverflows() {
        var d = Design(title: "ids", now: Date(timeIntervalSince1970: 0))
        for raw in ["comp-\(Int.max)", "comp-1", "comp-2", "comp-\(Int.min)", "comp-99999999999999999999"] {
            d.components.append(Component(id: ItemID(raw), name: raw, kind: .service))
        }
        let next = d.components.nextID()
        #expect(next == "comp-3")
        #expect(d.components[id: next] == nil)
        var negative = Design(title: "ids", now: Date(timeIntervalSince1970: 0))
        negative.components.append(Component(id: "comp--5", name: "n", kind: .service))
        #expect(negative.components.nextID() == "comp-1")
    }

    /// The next id reads every shape of id the same way: plain `prefix-digits`, leading zeros,
    /// a sign, another prefix, a prefix that only starts the same, no number.
    @Test func nextIDReadsEveryShapeOfID() {
        func next(_ raws: [String]) -> String {
            var d = Design(title: "ids", now: Date(timeIntervalSince1970: 0))
            for raw in raws { d.components.append(Component(id: ItemID(raw), name: raw, kind: .service)) }
            return d.components.nextID().rawValue
        }
        #expect(next(["comp-3", "comp-10", "comp-2"]) == "comp-11")
        #expect(next(["comp-007"]) == "comp-8")
        #expect(next(["comp-+41", "comp-4"]) == "comp-42")
        #expect(next(["flow-90", "compx-50", "comp-", "comp-x", "comp"]) == "comp-1")
        #expect(next(["comp-a-60", "comp-5"]) == "comp-6")
    }

    @Test func clampedArithmeticHoldsAtTheEnds() {
        #expect(Int.max.clampedAdding(1) == Int.max)
        #expect(Int.min.clampedAdding(-1) == Int.min)
        #expect(Int.min.clampedSubtracting(1) == Int.min)
        #expect(Int.max.clampedSubtracting(-1) == Int.max)
        #expect(0.clampedSubtracting(Int.min) == Int.max)
        #expect(Int.max.clampedMultiplied(by: 2) == Int.max)
        #expect(Int.min.clampedMultiplied(by: 2) == Int.min)
        #expect(Int.min.clampedMultiplied(by: -1) == Int.max)
        #expect([Int.max, Int.max, -5].clampedSum() == Int.max - 5 || [Int.max, Int.max, -5].clampedSum() == Int.max)
        #expect([3, 4].clampedSum() == 7)
        #expect(5.clampedAdding(-7) == -2)
    }
}
