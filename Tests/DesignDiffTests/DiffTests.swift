import DesignModel
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import DesignDiff

@Suite struct DiffTests {
    /// Generated designs and random edits: the diff names exactly the items the edits added,
    /// removed and changed (the edit script keeps its own log of what it touched).
    @Test func diffReportsExactlyTheEditedItems() throws {
        for seed in 0..<60 {
            var g = DesignGenerator(seed: UInt64(seed))
            let base = g.design(components: 10 + seed % 7, flows: 15)
            var edited = base
            var editor = DesignEditor(seed: UInt64(seed) &+ 77)
            let log = editor.edit(&edited, count: 1 + seed % 9)
            let diff = try DesignDiffer.diff(base, edited)
            #expect(Set(diff.added.map(\.id)) == log.added, "seed \(seed)")
            #expect(Set(diff.removed.map(\.id)) == log.removed, "seed \(seed)")
            var changed = Set(diff.changed.map(\.id))
            if !diff.document.isEmpty { changed.insert(SemanticDiff.documentID) }
            #expect(changed == log.changed, "seed \(seed)")
            #expect(diff.isEmpty == (base == edited), "seed \(seed)")
        }
    }

    @Test func identicalDesignsHaveNoDifferences() throws {
        var g = DesignGenerator(seed: 5)
        let d = g.design()
        var later = d
        later.touch(Date(timeIntervalSince1970: 1_800_000_000))   // only the modified time differs
        let diff = try DesignDiffer.diff(d, later)
        #expect(diff.isEmpty)
        let report = try DiffReport(old: d, new: later, catalogue: nil)
        #expect(report.json() == "{\n  \"added\": [],\n  \"removed\": [],\n  \"changed\": []\n}\n")
        #expect(report.summary == "no differences")
    }

    /// Swapping the sides swaps added and removed, and changes keep their fields.
    @Test func diffIsSymmetric() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...100_000)) { seed in
            var g = DesignGenerator(seed: UInt64(seed))
            let a = g.design(components: 8, flows: 10)
            var b = a
            var editor = DesignEditor(seed: UInt64(seed) &* 31)
            _ = editor.edit(&b, count: 6)
            let ab = try! DesignDiffer.diff(a, b), ba = try! DesignDiffer.diff(b, a)
            #expect(Set(ab.added.map(\.id)) == Set(ba.removed.map(\.id)))
            #expect(Set(ab.removed.map(\.id)) == Set(ba.added.map(\.id)))
            #expect(Set(ab.changed.map { "\($0.id):\($0.changes.map(\.path.description))" })
                    == Set(ba.changed.map { "\($0.id):\($0.changes.map(\.path.description))" }))
        }
    }

    @Test func changedFieldsHaveOldAndNewValues() throws {
        var g = DesignGenerator(seed: 9)
        let old = g.design()
        var new = old
        new.components[2].technology = "Envoy 2"
        new.tradeOffs[0].status = old.tradeOffs[0].status == .accepted ? .superseded : .accepted
        new.tradeOffs[0].options.append(TradeOff.Option(id: "opt-9", name: "Cassandra"))
        new.tradeOffs[0].options[0].pros.append("fast")
        let report = try DiffReport(old: old, new: new, catalogue: nil)
        let comp = try #require(report.diff.changed.first { $0.id == old.components[2].id.rawValue })
        #expect(comp.list == "components")
        #expect(comp.changes.map(\.path.description) == ["technology"])
        #expect(comp.changes[0].new == .string("Envoy 2"))
        let trade = try #require(report.diff.changed.first { $0.id == old.tradeOffs[0].id.rawValue })
        #expect(Set(trade.changes.map(\.path.description)) == ["status", "options[opt-9]", "options[opt-1].pros"])
        #expect(report.statusChanges.map(\.id) == [old.tradeOffs[0].id.rawValue])
        #expect(report.statusChanges[0].new == new.tradeOffs[0].status.rawValue)
        let json = try JSONValue.parse(report.json())
        #expect(json["changed"]?.arrayValue?.count == 2)
        #expect(json["added"] == .array([]))
    }

    @Test func checklistProgressPerStage() throws {
        let catalogue = StageCatalogue(stages: StageKey.allCases.map { key in
            StageCatalogue.Stage(key: key, title: key.label, shortTitle: key.label, purpose: "",
                                 items: (0..<4).map { .init(key: "\(key.rawValue).item-\($0)", text: "Item \($0) of \(key.rawValue)") })
        })
        var old = Design(title: "t", now: Date(timeIntervalSince1970: 0))
        old.updateStage(.security) { $0.setDone("security.item-0", true) }
        var new = old
        new.updateStage(.security) { $0.setDone("security.item-1", true); $0.setDone("security.item-0", false) }
        new.updateStage(.reliability) { $0.setDone("reliability.item-3", true) }
        new.addCustomItem("Chaos test", to: .reliability, done: true)
        let report = try DiffReport(old: old, new: new, catalogue: catalogue)
        #expect(report.checklist.map(\.stage) == [.reliability, .security])
        let rel = report.checklist[0], sec = report.checklist[1]
        #expect((rel.before.done, rel.before.total, rel.after.done, rel.after.total) == (0, 4, 2, 5))
        #expect(rel.ticked == ["Item 3 of reliability"])
        #expect(rel.other == ["added “Chaos test” (done)"])
        #expect(sec.ticked == ["Item 1 of security"] && sec.unticked == ["Item 0 of security"])
        // Before: security.item-0. After: security.item-1, reliability.item-3 and the custom item.
        #expect(report.summary.contains("checklist 1/40 → 3/41"))
    }

    /// Lists of any kind with ids are compared by id, nested lists too: a kind diff has never
    /// heard of ("widgets" with nested "parts").
    @Test func unknownKindsAreComparedById() throws {
        let old = try JSONValue.parse("""
            {"title": "x", "widgets": [{"id": "w-1", "name": "A", "parts": [{"id": "p-1", "size": 1}]},
                                       {"id": "w-2", "name": "B", "parts": []}]}
            """)
        let new = try JSONValue.parse("""
            {"title": "x", "widgets": [{"id": "w-1", "name": "A", "parts": [{"id": "p-1", "size": 2}, {"id": "p-2", "size": 1}]},
                                       {"id": "w-3", "name": "C", "parts": []}]}
            """)
        let diff = DesignDiffer.diff(old, new)
        #expect(diff.added.map(\.id) == ["w-3"])
        #expect(diff.removed.map(\.id) == ["w-2"])
        #expect(diff.changed.map(\.id) == ["w-1"])
        #expect(diff.changed[0].changes.map(\.path.description) == ["parts[p-1].size", "parts[p-2]"])
        #expect(ItemKinds.kind(forList: "widgets").heading == "widgets")
    }

    @Test func hostileTextIsMadeVisibleInTextAndEscapedInMarkdown() throws {
        var old = Design(title: "t", now: Date(timeIntervalSince1970: 0))
        old.addComponent(name: "A", kind: .service)
        var new = old
        new.components[0].name = "\u{1B}[31mred\u{1B}[0m | <script> `x` \u{202E}evil"
        new.addComponent(name: "# [link](http://x) *b*", kind: .cache)
        let report = try DiffReport(old: old, new: new, catalogue: nil)
        let text = report.text(color: false)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        let colored = report.text(color: true)
        // The only escape sequences are the colours sysdraft adds.
        let escapes = colored.components(separatedBy: "\u{1B}[").dropFirst().map { String($0.prefix { $0 != "m" }) }
        #expect(Set(escapes).isSubset(of: ["0", "1", "2", "31", "32", "33"]))
        let md = report.markdown()
        // Every `<`, `[` and backtick of user text is escaped.
        #expect(md.contains("\\<script>") && !md.replacingOccurrences(of: "\\<", with: "").contains("<script>"))
        #expect(!md.replacingOccurrences(of: "\\[", with: "").contains("[link]"))
        #expect(!md.unicodeScalars.contains { $0.value == 0x1B })
    }
}

@Suite struct JSONValueTests {
    /// Objects are equal whatever order their keys were written in; the last of repeated keys wins.
    @Test func objectsAreNormalised() throws {
        let a = try JSONValue.parse(#"{"b": 1, "a": [true, null, "x\u00e9\n"], "c": {"z": 1, "y": 2}, "b": 3}"#)
        let b = try JSONValue.parse(#"{"c": {"y": 2, "z": 1}, "a": [true, null, "xé\n"], "b": 3}"#)
        #expect(a == b)
        #expect(a.objectValue?.map(\.key) == ["a", "b", "c"])
        #expect(try JSONValue.parse(a.compactText()) == a)
        #expect(try JSONValue.parse(String(decoding: a.prettyBytes(), as: UTF8.self)) == a)
    }

    @Test func malformedJSONIsAnErrorWithAPosition() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "\"unterminated", "tru", "01", "1.", "[\"\\x\"]", String(repeating: "[", count: 600)] {
            do {
                _ = try JSONValue.parse(bad)
                Issue.record("accepted \(bad.prefix(20))")
            } catch {
                #expect(error.position.line >= 1)
            }
        }
    }

    /// The canonical tree is what a save writes.
    @Test func canonicalTreeMatchesTheSavedFile() throws {
        var g = DesignGenerator(seed: 42)
        let d = g.design()
        let fromFile = try JSONValue.parse([UInt8](try DesignCodec.encode(d)))
        #expect(try d.canonicalJSON() == fromFile)
        #expect(try Design(json: fromFile) == d)
    }
}
