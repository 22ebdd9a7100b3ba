import TestSupport
import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct AssetTests {
    @Test func everyBuiltInPlanLoads() throws {
        let files = AssetFiles.jsonFiles(in: builtInPlans)
        #expect(files.map(\.lastPathComponent) == ["short.json", "standard.json"])
        for url in files {
            let plan = try PlanLoader.load(contentsOf: url)
            #expect(plan.phases.count >= 4, "\(url.lastPathComponent)")
            for p in plan.phases {
                #expect(!p.prompts.isEmpty, "\(plan.name)/\(p.key) has no prompts")
                #expect(!p.avoid.isEmpty, "\(plan.name)/\(p.key) has no mistakes to avoid")
                #expect(!p.stages.isEmpty, "\(plan.name)/\(p.key) feeds no stage")
                #expect(p.plannedSeconds % 60 == 0)
            }
            // Every checklist stage is fed by some phase.
            #expect(Set(plan.phases.flatMap(\.stages)) == Set(StageKey.allCases), "\(plan.name)")
        }
    }

    @Test func standardAndShortFollowTheSeedTimings() throws {
        let standard = try PlanLoader.load(contentsOf: builtInPlans.appendingPathComponent("standard.json"))
        #expect(standard.totalSeconds == 3600)
        let minutes = Dictionary(uniqueKeysWithValues: standard.phases.map { ($0.key, $0.plannedSeconds / 60) })
        #expect((5...10).contains(minutes["clarify"]!))
        #expect(minutes["estimate"] == 5)
        #expect((10...15).contains(minutes["high-level"]!))
        #expect((15...20).contains(minutes["deep-dive"]!))
        #expect((10...15).contains(minutes["scale"]!))
        #expect(minutes["wrap-up"] == 5)
        let short = try PlanLoader.load(contentsOf: builtInPlans.appendingPathComponent("short.json"))
        #expect(short.totalSeconds == 45 * 60)
        #expect(short.phases.map(\.key) == standard.phases.map(\.key))
    }

    @Test func everyProblemLoadsAndIsComplete() throws {
        let (problems, errors) = ProblemLoader.loadAll([builtInProblems])
        #expect(errors.isEmpty, "\(errors)")
        #expect(AssetFiles.jsonFiles(in: builtInProblems).count == problems.count)
        #expect(Set(problems.map(\.key)).isSuperset(of: [
            "url-shortener", "chat-app", "video-streaming", "e-commerce", "notification-system",
            "realtime-recommendations", "fraud-detection", "chatgpt-assistant", "rag-document-search",
            "ml-model-deployment",
        ]))
        for p in problems {
            #expect((5...8).contains(p.questions.count), "\(p.key): \(p.questions.count) questions")
            #expect(p.scale.count >= 3, "\(p.key)")
            #expect(!p.functional.isEmpty && !p.nonFunctional.isEmpty, "\(p.key)")
            #expect(!p.focus.isEmpty, "\(p.key)")
            #expect(p.questions.allSatisfy { $0.hasSuffix("?") }, "\(p.key): questions end with '?'")
        }
        #expect(problems.filter { $0.category == .ml }.count == 5)
    }

    @Test func problemLookup() throws {
        let set = ProblemSet(ProblemLoader.loadAll([builtInProblems]).problems)
        #expect(try set.find("url-shortener").key == "url-shortener")
        #expect(try set.find("URL").key == "url-shortener")
        #expect(try set.find("rag").key == "rag-document-search")
        #expect(try set.find("fraud").key == "fraud-detection")
        #expect(throws: ProblemLookupError.self) { try set.find("c") } // chat-app, chatgpt-assistant
        do { _ = try set.find("nope") } catch {
            #expect(error.description.hasPrefix("no practice problem \"nope\"; available: chat-app, "))
        }
        var rng = SplitMix(seed: 7)
        let a = set.random(using: &rng)
        var rng2 = SplitMix(seed: 7)
        #expect(a == set.random(using: &rng2))
        #expect(set.random(using: &rng, category: .ml)?.category == .ml)
    }

    @Test func seedingADesignFromAProblem() throws {
        let p = try ProblemLoader.load(contentsOf: builtInProblems.appendingPathComponent("url-shortener.json"))
        let design = p.makeDesign(now: fixedDate)
        #expect(design.title == "URL shortener")
        #expect(design.problem == p.statement)
        #expect(design.requirements.isEmpty)
        let notes = design.stage(.requirements).notes
        #expect(notes.hasPrefix("Scale to assume"))
        #expect(notes.contains("- New links: 100 million a month"))
        #expect(design.errors.isEmpty)
        // Round-trips through the codec.
        #expect(try decodeDesign(DesignCodec.encode(design)) == design)

        var existing = Design(title: "Mine", problem: "my words", now: fixedDate)
        existing.updateStage(.requirements) { $0.notes = "earlier note" }
        p.seed(&existing, options: SeedOptions(scaleNotes: true, suggestedRequirements: true))
        #expect(existing.problem == "my words")
        #expect(existing.stage(.requirements).notes.hasPrefix("earlier note\n\nScale to assume"))
        #expect(existing.requirements.count == p.functional.count + p.nonFunctional.count)
        #expect(existing.requirements.last?.kind == .nonFunctional)
    }

    @Test func planLookupByNameAndPath() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sysdraft-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        try Data(Fixtures.tiny.utf8).write(to: tmp.appendingPathComponent("tiny.json"))
        try Data(Fixtures.tiny.replacingOccurrences(of: "Tiny drill", with: "My standard").utf8)
            .write(to: tmp.appendingPathComponent("standard.json"))
        try Data(#"{"title": "x", "phases": []}"#.utf8).write(to: tmp.appendingPathComponent("broken.json"))

        let tiny = try PlanLoader.resolve("tiny", builtIn: builtInPlans, user: tmp)
        #expect(tiny.phases.map(\.plannedSeconds) == [5, 5, 4])
        #expect(tiny.name == "tiny")
        // A user plan replaces the built-in one of the same name; the built-in short stays.
        #expect(try PlanLoader.resolve("standard", builtIn: builtInPlans, user: tmp).title == "My standard")
        #expect(try PlanLoader.resolve("short", builtIn: builtInPlans, user: tmp).totalSeconds == 2700)
        #expect(try PlanLoader.resolve("standard", builtIn: builtInPlans, user: nil).totalSeconds == 3600)
        // By path: absolute, relative to a working directory, or with ~.
        #expect(try PlanLoader.resolve(tmp.appendingPathComponent("tiny.json").path, builtIn: nil, user: nil).name == "tiny")
        #expect(try PlanLoader.resolve("./tiny.json", builtIn: nil, user: nil, workingDirectory: tmp).name == "tiny")
        #expect(try PlanLoader.resolve("~/tiny.json", builtIn: nil, user: nil, home: tmp.path).name == "tiny")

        #expect(throws: PlanLookupError.unknownName("nope", known: ["broken", "short", "standard", "tiny"])) {
            try PlanLoader.resolve("nope", builtIn: builtInPlans, user: tmp)
        }
        #expect(throws: PlanLookupError.noSuchFile("/nonexistent/p.json")) {
            try PlanLoader.resolve("/nonexistent/p.json", builtIn: builtInPlans, user: tmp)
        }
        do {
            _ = try PlanLoader.resolve("broken", builtIn: builtInPlans, user: tmp)
            Issue.record("a broken plan loaded")
        } catch {
            #expect(error.description == "plan file \(tmp.path)/broken.json: line 1, column 26: "
                + "plan: phases is empty; a plan needs at least one phase (at phases)")
        }

        let listing = PlanLoader.available(builtIn: builtInPlans, user: tmp)
        #expect(listing.map(\.name) == ["broken", "short", "standard", "tiny"])
        #expect(listing.map(\.origin) == [.user, .builtIn, .user, .user])
        #expect(listing.map(\.shadows) == [false, false, true, false])
        #expect(listing.filter { (try? $0.result.get()) == nil }.map(\.name) == ["broken"])
    }

    @Test func userDirectories() {
        #expect(PlanLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"])?.path
            == "/x/cfg/sysdraft/plans")
        #expect(PlanLoader.userDirectory(environment: ["HOME": "/home/u"])?.path == "/home/u/.config/sysdraft/plans")
        #expect(PlanLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/u"])?.path
            == "/home/u/.config/sysdraft/plans")
        #expect(PlanLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/u"])?.path
            == "/home/u/.config/sysdraft/plans")
        #expect(PlanLoader.userDirectory(environment: [:]) == nil)
        #expect(ProblemLoader.userDirectory(environment: ["HOME": "/h"])?.path == "/h/.config/sysdraft/problems")
    }
}

typealias SplitMix = SeededGenerator

@Suite struct DocumentationTests {
    /// The example plan in Assets/interview/README.md is a valid plan.
    @Test func readmeExamplePlanLoads() throws {
        let readme = try String(contentsOf: assetsDirectory.appendingPathComponent("interview/README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```json\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let plan = try PlanLoader.load(Data(readme[start.upperBound..<end.lowerBound].utf8), name: "drill")
        #expect(plan.phases.map(\.plannedSeconds) == [300, 720, 180])
        #expect(plan.totalSeconds == 20 * 60)
    }
}
