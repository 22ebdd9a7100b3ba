import DesignModel
import DesignReview
import Estimates
import Foundation
import Interview
import TestSupport
import Testing
@testable import Workspace

/// The Estimates list and its form: live previews, what saving refuses and what it keeps,
/// renaming, deleting, templates, the reference card, and the sheet kept current in AppState.
@Suite struct EstimateScreenTests {
    /// The repository's Assets/estimates, as the workspace loads them at start.
    static let assets: EstimateAssets = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assets/estimates")
        let templates = try! EstimateTemplates.decode(Data(contentsOf: root.appendingPathComponent("templates.json")))
        let card = try! ReferenceCard.decode(Data(contentsOf: root.appendingPathComponent("reference.json")))
        return EstimateAssets(templates: templates, referenceCard: card)
    }()

    func estimatesState(_ rows: [(String, String)] = []) -> AppState {
        var s = makeState(components: 2)
        for (name, expression) in rows { s.design.addEstimate(name: name, expression: expression) }
        s.estimateAssets = Self.assets
        s.focus = .estimates
        return s
    }

    func row(_ s: AppState, _ name: String) -> Int { s.design.estimates.firstIndex { $0.name == name }! }
    func status(_ s: AppState, _ name: String) -> EstimateSheet.Status { s.estimateCache.sheet.statuses[row(s, name)] }

    /// A value's number in the base unit (per second, bytes), for comparing with arithmetic done here.
    func value(_ s: AppState, _ name: String) -> Double? { status(s, name).quantity?.value }

    @Test func theEstimatesListIsAKindWithItsOwnKeys() {
        var s = makeState()
        #expect(ItemKinds.panes.contains(.estimates))
        send(&s, .char(Character(String(Pane.estimates.number))))
        #expect(s.focus == .estimates && s.screen == .panes)
        #expect(s.keyContext == .estimates)
        #expect(s.keymap.command(for: .char("A"), in: s.keyContext) == .insertTemplate)
        #expect(s.keymap.command(for: .char("R"), in: s.keyContext) == .referenceCard)
        #expect(s.keymap.command(for: .char("a"), in: s.keyContext) == .add, "the panes' keys still work")
        let hints = s.keymap.hints(for: s.keyContext).map(\.keys)
        #expect(hints.prefix(2) == ["A", "R"] && hints.contains("a"))
        // Elsewhere A is not a template key.
        s.focus = .requirements
        #expect(s.keymap.command(for: .char("A"), in: s.keyContext) == nil)
    }

    @Test func addingAnEstimateReferringToAnotherPreviewsAsYouType() throws {
        var s = estimatesState([("dau", "10M")])
        send(&s, .char("a"))
        #expect(s.topForm?.title == "New estimate")
        type(&s, "read_qps")
        send(&s, .tab)
        type(&s, "dau * 20 / d")
        // "d" alone is an unknown name, at column 12, with a hint: the preview says so.
        let partial = try #require(s.topForm?.notes["expression"])
        #expect(partial.kind == .error && partial.column == 12 && partial.text.contains("\"d\""))
        type(&s, "ay")
        let note = try #require(s.topForm?.notes["expression"])
        #expect(note.kind == .value)
        // 10M × 20 a day = 2,314.8 a second.
        #expect(note.text.hasPrefix("= 2.3K /s"), "\(note.text)")
        send(&s, .enter)
        #expect(s.overlays.isEmpty)
        #expect(s.design.estimates.map(\.name) == ["dau", "read_qps"])
        let v = try #require(value(s, "read_qps"))
        #expect(abs(v - 10e6 * 20 / 86_400) < 1e-6)
    }

    @Test func changingOneEstimateUpdatesTheOnesThatUseIt() throws {
        var s = estimatesState([("dau", "10M"), ("read_qps", "dau * 20 / day")])
        let before = try #require(value(s, "read_qps"))
        s.selection[.estimates] = 0
        send(&s, .char("e"), .tab, .ctrl("u"))
        type(&s, "30M")
        send(&s, .enter)
        let after = try #require(value(s, "read_qps"))
        #expect(abs(after - 3 * before) < 1e-6 * after)
        // The cache matches a sheet computed from scratch.
        #expect(s.estimateCache.sheet.statuses == s.design.estimateSheet().statuses)
        send(&s, .char("u"))
        #expect(abs((value(s, "read_qps") ?? 0) - before) < 1e-9 * before, "undo brings the old value back")
    }

    @Test func anExpressionWithAnErrorIsSavedAndShownAndItsUsersMarked() throws {
        var s = estimatesState([("dau", "10M"), ("read_qps", "dau * 20 / day")])
        s.selection[.estimates] = 0
        send(&s, .char("e"), .tab, .ctrl("u"))
        type(&s, "5 GB + 3 /s")
        let note = try #require(s.topForm?.notes["expression"])
        #expect(note.kind == .error && note.column == 6 && note.text.contains("cannot add"))
        send(&s, .enter)
        #expect(s.overlays.isEmpty, "an expression error never stops a save")
        #expect(s.design.estimates[0].expression == "5 GB + 3 /s")
        guard case .error(let e) = status(s, "dau") else { Issue.record("dau should have an error"); return }
        #expect(e.column == 6)
        #expect(status(s, "read_qps") == .dependsOnError(["dau"]))
    }

    @Test func aBadOrTakenNameIsRefused() throws {
        var s = estimatesState([("dau", "10M")])
        send(&s, .char("a"))
        type(&s, "2fast")
        #expect(s.topForm?.notes["name"]?.kind == .error, "the preview warns before saving")
        send(&s, .tab)
        type(&s, "1")
        send(&s, .enter)
        #expect(s.topForm?.error?.contains("cannot be an estimate's name") == true)
        #expect(s.design.estimates.count == 1)
        send(&s, .backTab, .ctrl("u"))
        type(&s, "dau")
        send(&s, .enter)
        #expect(s.topForm?.error?.contains("already named \"dau\"") == true)
        #expect(s.topForm?.fields[s.topForm!.focus].key == "name", "a refused save stays where it was")
        send(&s, .ctrl("u"))
        type(&s, "GB")
        send(&s, .enter)
        #expect(s.topForm?.error?.contains("is a unit") == true)
        send(&s, .ctrl("u"))
        type(&s, "mau")
        send(&s, .enter)
        #expect(s.overlays.isEmpty)
        #expect(s.design.estimates.map(\.name) == ["dau", "mau"])
    }

    @Test func renamingRewritesEveryUse() throws {
        var s = estimatesState([("dau", "10M"), ("read_qps", "dau * 20 / day"), ("note", "dau_total * 2")])
        try s.design.addFlow(from: s.design.components[0].id, to: s.design.components[1].id, label: "reads")
        s.design.flows[0].rate = "dau / day"
        s.selection[.estimates] = 0
        send(&s, .char("e"), .ctrl("u"))
        type(&s, "daily_users")
        let note = try #require(s.topForm?.notes["name"])
        #expect(note.kind == .hint && note.text.contains("read_qps") && note.text.contains("flow-1"))
        #expect(!note.text.contains("note"), "dau_total is another name")
        send(&s, .enter)
        #expect(s.design.estimates.map(\.name) == ["daily_users", "read_qps", "note"])
        #expect(s.design.estimates[1].expression == "daily_users * 20 / day")
        #expect(s.design.estimates[2].expression == "dau_total * 2")
        #expect(s.design.flows[0].rate == "daily_users / day")
        #expect(value(s, "read_qps") != nil)
    }

    @Test func deletingAnEstimateInUseAsksFirst() throws {
        var s = estimatesState([("dau", "10M"), ("read_qps", "dau * 20 / day"), ("spare", "3")])
        s.selection[.estimates] = 0
        send(&s, .char("d"))
        let confirm = try #require(s.topConfirm)
        #expect(confirm.message.contains("read_qps"))
        send(&s, .char("n"))
        #expect(s.design.estimates.count == 3)
        send(&s, .char("d"), .char("y"))
        #expect(s.design.estimates.map(\.name) == ["read_qps", "spare"])
        #expect(status(s, "read_qps").error != nil, "its user now names an unknown estimate")
        // Nothing uses "spare": it goes at once.
        s.selection[.estimates] = 1
        send(&s, .char("d"))
        #expect(s.topConfirm == nil)
        #expect(s.design.estimates.map(\.name) == ["read_qps"])
    }

    @Test func aTemplateIsInsertedFromThePaletteWithCompletion() throws {
        var s = estimatesState([("dau", "50M")])
        s.focus = .requirements
        send(&s, .char(":"))
        type(&s, "template ")
        send(&s, .tab)
        guard case .palette(let p)? = s.overlays.last else { Issue.record("palette closed"); return }
        let keys = Self.assets.templates!.templates.map(\.key)
        #expect(p.candidates == keys, "Tab lists every template")
        #expect(p.candidateNotes == Self.assets.templates!.templates.map(\.title))
        send(&s, .ctrl("u"))
        type(&s, "template qps")
        send(&s, .enter)
        let qps = Self.assets.templates!["qps"]!
        #expect(s.focus == .estimates, "the list shows what was inserted")
        #expect(s.message?.text.contains("uses your dau") == true)
        let added = qps.estimates.filter { $0.name != "dau" }.map(\.name)
        #expect(s.design.estimates.map(\.name) == ["dau"] + added)
        #expect(s.estimateCache.sheet.statuses.allSatisfy { $0.quantity != nil }, "a template evaluates")
        #expect(s.selectedIndex(.estimates) == 1, "the first inserted is selected")
        send(&s, .char("u"))
        #expect(s.design.estimates.map(\.name) == ["dau"])
    }

    @Test func theTemplateKeyOpensThePickerAndEnterInsertsTheHighlightedOne() throws {
        var s = estimatesState()
        send(&s, .char("A"))
        guard case .palette(let p)? = s.overlays.last else { Issue.record("no picker"); return }
        #expect(p.editor.text == "template " && !p.candidates.isEmpty)
        send(&s, .down, .down)
        guard case .palette(let q)? = s.overlays.last else { Issue.record("picker closed"); return }
        #expect(q.candidate == 1)
        let second = Self.assets.templates!.templates[1]
        send(&s, .enter)
        #expect(s.overlays.isEmpty)
        #expect(!s.design.estimates.isEmpty)
        #expect(s.message?.text.contains(second.title) == true)
        // Twice: names already taken get a suffix, nothing is overwritten.
        let first = s.design.estimates
        _ = Workspace.insertTemplate(&s, named: second.key, env)
        #expect(Array(s.design.estimates.prefix(first.count)) == first)
        #expect(Set(s.design.estimates.map(\.name)).count == s.design.estimates.count)
        #expect(s.message?.text.contains("names taken") == true || second.estimates.allSatisfy(\.isInput))
    }

    @Test func unknownTemplatesAndReadOnlyAreRefused() {
        var s = estimatesState()
        _ = Workspace.insertTemplate(&s, named: "nosuch", env)
        #expect(s.message?.kind == .error && s.message?.text.contains("qps") == true)
        s.readOnly = true
        send(&s, .char("A"))
        #expect(s.overlays.isEmpty && s.message?.text.hasPrefix("Read-only") == true)
        var none = makeState()
        none.focus = .estimates
        send(&none, .char("A"))
        #expect(none.message?.kind == .error, "no templates loaded is said")
    }

    @Test func theReferenceCardOpensFromTheListAndThePalette() {
        var s = estimatesState()
        send(&s, .char("R"))
        #expect(s.overlays == [.referenceCard(scroll: 0)])
        send(&s, .char("j"), .char("j"))
        #expect(s.overlays == [.referenceCard(scroll: 2)], "it scrolls (the test environment scrolls freely)")
        send(&s, .escape)
        #expect(s.overlays.isEmpty)
        s.focus = .components
        send(&s, .char(":"))
        type(&s, "reference")
        send(&s, .enter)
        #expect(s.overlays == [.referenceCard(scroll: 0)])
    }

    @Test func flowsCarryARateAndAPayloadWithAPreview() throws {
        var s = estimatesState([("peak_qps", "20K /s")])
        s.focus = .flows
        send(&s, .char("a"))
        var form = try #require(s.topForm)
        #expect(form["rate"] != nil && form["payload"] != nil)
        #expect(form.notes["rate"] == nil, "a hint shows only in the field the cursor is in")
        while s.topForm?.fields[s.topForm!.focus].key != "rate" { send(&s, .tab) }
        #expect(s.topForm?.notes["rate"]?.kind == .hint)
        type(&s, "peak_qps")
        send(&s, .tab)
        type(&s, "2 KB")
        form = try #require(s.topForm)
        #expect(form.notes["rate"]?.text == "= 20.0K /s")
        #expect(form.notes["payload"]?.text.contains("bandwidth 40.0 MB/s") == true, "\(form.notes["payload"]?.text ?? "")")
        send(&s, .enter)
        #expect(s.design.flows.first?.rate == "peak_qps" && s.design.flows.first?.payload == "2 KB")
        // Clearing a field clears the flow's figure.
        send(&s, .char("e"))
        while s.topForm?.fields[s.topForm!.focus].key != "payload" { send(&s, .tab) }
        send(&s, .ctrl("u"), .enter)
        #expect(s.design.flows.first?.payload == nil && s.design.flows.first?.rate == "peak_qps")
    }

    @Test func anEditThatOverloadsAComponentSaysSo() throws {
        var s = estimatesState([("peak_qps", "20K /s")])
        let a = s.design.components[0].id, b = s.design.components[1].id
        try s.design.addFlow(from: a, to: b, label: "reads")
        s.design.flows[0].rate = "peak_qps"
        s.focus = .components
        s.selection[.components] = 1
        send(&s, .char("e"))
        while s.topForm?.fields[s.topForm!.focus].key != "capacity" { send(&s, .tab) }
        type(&s, "5K /s")
        send(&s, .tab)
        type(&s, "3")
        let note = try #require(s.topForm?.notes["capacity"])
        #expect(note.kind == .error && note.text.contains("over capacity") && note.text.contains("133 %"), "\(note.text)")
        send(&s, .enter)
        #expect(s.message?.kind == .error)
        #expect(s.message?.text.contains("Over capacity: C1") == true, "\(s.message?.text ?? "")")
        // An edit that brings it under capacity says nothing of the kind.
        send(&s, .char("e"))
        while s.topForm?.fields[s.topForm!.focus].key != "instances" { send(&s, .tab) }
        send(&s, .ctrl("u"))
        type(&s, "5")
        send(&s, .enter)
        #expect(s.message?.kind == .success)
    }

    @Test func theEstimatePhaseOfAnInterviewOpensTheList() {
        let plan = InterviewPlanFixture.plan
        var s = estimatesState()
        s.focus = .requirements
        s.screen = .checklist
        s.interview = InterviewSession(plan: plan)
        let at = { (t: Int) in Environment(now: { fixedNow }, monotonic: { .seconds(t) }) }
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        #expect(s.focus == .requirements && s.screen == .checklist)
        _ = Workspace.reduce(&s, .key(.char("]")), at(60))
        #expect(s.screen == .panes && s.focus == .estimates)
        #expect(s.message?.text.contains("Estimates") == true)
        _ = Workspace.reduce(&s, .key(.char("]")), at(120))
        #expect(s.focus == .estimates, "later phases leave the screen alone")
    }

    /// The cached sheet always equals one computed from scratch, whatever the edits.
    @Test func theCacheFollowsEveryEdit() {
        var s = estimatesState([("a", "10"), ("b", "a * 2"), ("c", "b + a")])
        var rng = SeededGenerator(seed: 12)
        let names = ["a", "b", "c", "d", "e"]
        let expressions = ["1", "a + 1", "b * c", "d / 0", "5 GB", "e * 2 /s", "(", "a + b + c"]
        for _ in 0..<200 {
            switch rng.next() % 4 {
            case 0: s.design.addEstimate(name: names[Int(rng.next() % 5)], expression: expressions[Int(rng.next() % 8)])
            case 1 where !s.design.estimates.isEmpty:
                s.design.estimates.remove(at: Int(rng.next() % UInt64(s.design.estimates.count)))
            case 2 where !s.design.estimates.isEmpty:
                s.design.estimates[Int(rng.next() % UInt64(s.design.estimates.count))].expression = expressions[Int(rng.next() % 8)]
            default:
                if !s.design.estimates.isEmpty {
                    s.design.estimates[Int(rng.next() % UInt64(s.design.estimates.count))].name = names[Int(rng.next() % 5)]
                }
            }
            #expect(s.estimateCache.sheet.statuses == s.design.estimateSheet().statuses)
        }
    }
}

extension EstimateScreenTests {
    /// The load the cache keeps (updated piece by piece after estimate edits) and the review
    /// (only the estimate rules run again after an estimate edit) always equal what the design
    /// gives computed from scratch, whatever is edited: estimates, flow rates and payloads,
    /// component capacities and instance counts, flows added and removed.
    @Test func theLoadAndTheReviewFollowEveryEdit() {
        var s = estimatesState([("qps", "2K /s"), ("size", "2 KB"), ("nodes", "3"), ("per_node", "1K /s")])
        s.design.components[0].capacity = "per_node"
        s.design.components[0].instances = "nodes"
        s.design.components[1].capacity = "10 MB/s"
        _ = try? s.design.addFlow(from: s.design.components[1].id, to: s.design.components[0].id, label: "reads")
        _ = try? s.design.addFlow(from: s.design.components[0].id, to: s.design.components[1].id, label: "writes")
        var rng = SeededGenerator(seed: 41)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let names = ["qps", "size", "nodes", "per_node", "extra"]
        let values = ["1", "0", "2", "5K /s", "100 /s", "4 KB", "1 MB", "qps * 2", "size / 2", "(", "nodes - 1", "unknown"]
        let loads = [nil, "qps", "qps / 2", "size", "2 KB", "3K /s", "nodes", ")"]
        for step in 0..<300 {
            let comps = s.design.components.map(\.id)
            switch rng.next() % 8 {
            case 0: s.design.addEstimate(name: pick(names), expression: pick(values))
            case 1 where !s.design.estimates.isEmpty: s.design.estimates.remove(at: Int(rng.next() % UInt64(s.design.estimates.count)))
            case 2 where !s.design.flows.isEmpty:
                let i = Int(rng.next() % UInt64(s.design.flows.count))
                s.design.flows[i].rate = pick(loads)
                s.design.flows[i].payload = pick(loads)
            case 3:
                let i = Int(rng.next() % UInt64(comps.count))
                s.design.components[i].capacity = pick(loads)
                s.design.components[i].instances = pick(loads)
            case 4: _ = try? s.design.addFlow(from: pick(comps), to: pick(comps), label: "f\(step)")
            case 5 where s.design.flows.count > 1: s.design.flows.removeLast()
            default:
                if !s.design.estimates.isEmpty {
                    s.design.estimates[Int(rng.next() % UInt64(s.design.estimates.count))].expression = pick(values)
                }
            }
            let fresh = DesignLoad(s.design)
            #expect(s.estimateCache.load.flows == fresh.flows, "flows at step \(step)")
            #expect(s.estimateCache.load.components == fresh.components, "components at step \(step)")
            #expect(s.review == DesignReviewer.review(s.design, config: s.reviewConfig), "review at step \(step)")
        }
    }
}

/// A plan whose second phase is the estimate phase (found by its key).
enum InterviewPlanFixture {
    static let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
        .init(key: "clarify", title: "Clarify", plannedSeconds: 300, goal: "Scope", stages: [.requirements]),
        .init(key: "estimate", title: "Estimate scale", plannedSeconds: 300, goal: "Numbers", stages: [.requirements]),
        .init(key: "high-level", title: "Design", plannedSeconds: 600, goal: "Draw", stages: [.highLevelDesign]),
    ])
}


extension EstimateScreenTests {
    @Test func aPasteIsPreviewedLikeTyping() throws {
        var s = estimatesState([("dau", "10M")])
        send(&s, .char("a"), .tab)
        _ = Workspace.reduce(&s, .paste("dau * 2"), env)
        #expect(s.topForm?.notes["expression"]?.text == "= 20.0M")
    }
}
