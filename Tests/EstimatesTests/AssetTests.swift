import Foundation
import Testing
@testable import Estimates

/// The templates and the reference card shipped in Assets/estimates.
@Suite struct AssetTests {
    static func templates() throws -> EstimateTemplates {
        try EstimateTemplates.decode(try RepoFiles.data("Assets/estimates/templates.json"))
    }

    static func card() throws -> ReferenceCard { try ReferenceCard.decode(try RepoFiles.data("Assets/estimates/reference.json")) }

    @Test func everyTemplateEvaluatesOnItsOwn() throws {
        let t = try Self.templates()
        #expect(t.problems() == [])
        #expect(Set(t.templates.map(\.key)) == ["qps", "storage", "bandwidth", "cache", "servers", "partitions", "availability"])
    }

    @Test func templateFiguresAreRight() throws {
        let t = try Self.templates()
        func sheet(_ key: String) -> EstimateSheet {
            EstimateSheet(t[key]!.estimates.map { .init(name: $0.name, expression: $0.expression) })
        }
        let qps = sheet("qps")
        // 10M users × 20 requests a day over 86,400 s; 10:1 reads to writes.
        #expect(qps["total_qps"]?.quantity.map { close($0.value, 200e6 / 86_400, relative: 1e-12) } == true)
        #expect(qps["write_qps"]?.quantity.map { close($0.value, 200e6 / 86_400 / 11, relative: 1e-12) } == true)
        #expect(qps["peak_read_qps"]?.quantity.map { close($0.value, 200e6 / 86_400 * 10 / 11 * 3, relative: 1e-12) } == true)
        let a = sheet("availability")
        #expect(a.displayText(at: a.indexByName["downtime_per_year"]!) == "8.8 h")
        #expect(a.displayText(at: a.indexByName["downtime_per_month"]!) == "43.2 min")
        let s = sheet("servers")
        #expect(s["servers_needed"] == .value(Quantity(15)))   // 10K / (1K × 0.7) = 14.3, rounded up
        let c = sheet("cache")
        #expect(c["cache_memory"]?.quantity.map { close($0.value, 1000 * 86_400 * 0.2 * 1000, relative: 1e-12) } == true)
    }

    @Test func insertingReusesExistingInputsAndRenamesCollisions() throws {
        let t = try Self.templates()
        let qps = t["qps"]!.entriesToInsert(existingNames: [])
        #expect(qps.map(\.name) == t["qps"]!.estimates.map(\.name))
        let names = Set(qps.map(\.name))
        // The storage template's write_qps input is the one the QPS template made.
        let storage = t["storage"]!.entriesToInsert(existingNames: names)
        #expect(!storage.contains { $0.name == "write_qps" })
        // Inserting a template twice renames its outputs and rewires their expressions.
        let again = t["qps"]!.entriesToInsert(existingNames: names)
        #expect(again.map(\.name) == ["total_qps_2", "write_qps_2", "read_qps_2", "peak_write_qps_2", "peak_read_qps_2"])
        #expect(again[1].expression == "total_qps_2 / (read_write_ratio + 1)")
        let all = qps + storage + again
        let sheet = EstimateSheet(all.map { .init(name: $0.name, expression: $0.expression) })
        #expect(sheet.statuses.allSatisfy { $0.quantity != nil }, "\(sheet.statuses)")
        #expect(sheet["peak_read_qps_2"] == sheet["peak_read_qps"])
    }

    @Test func theReferenceCardChecksOut() throws {
        let card = try Self.card()
        #expect(card.problems() == [])
        #expect(card.latency.rows.count >= 14)
        #expect(Set(card.secondsIn.map(\.period)) == ["minute", "hour", "day", "week", "month", "year"])
        #expect(card.nines.rows.map(\.availability).contains("99.999%"))
    }

    @Test func theChecksCatchWrongFigures() throws {
        var card = try Self.card()
        card.powersOfTwo[1].exact = "1000"
        card.powersOfTwo[2].bytes = "64 KB"
        card.nines.rows[3].perMonth = "4.32 min"
        card.secondsIn[2].seconds = 86_000
        card.latency.rows[0].time = "0.5 GB"
        card.latency.rows[1].year = 1812
        card.rulesOfThumb[0].about = "1.2 /s"
        #expect(card.problems().count == 7, "\(card.problems())")
    }

    @Test func powersOfTwoInDigits() {
        #expect(ReferenceCard.powerOfTwoDigits(0) == "1")
        #expect(ReferenceCard.powerOfTwoDigits(64) == "18446744073709551616")
        #expect(ReferenceCard.powerOfTwoDigits(100) == "1267650600228229401496703205376")
    }
}
