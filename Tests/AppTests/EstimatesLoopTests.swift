import App
import DesignModel
import DesignStorage
import Foundation
import Testing
import TextUI
import Workspace

/// The Estimates list through the whole run loop: the assets loaded as `sysdraft FILE` loads
/// them, a template inserted and saved, the reference card drawn, and both still there after
/// `:e` opens another design.
@Suite struct EstimatesLoopTests {
    @Test func templatesAndTheCardWorkThroughTheLoopAndSurviveOpeningAnotherFile() throws {
        let w = World()
        w.file()
        w.file(World.folder + "/other.json", World.sample(requirements: 1, components: 1))
        var options = WorkspaceStart.Options()
        options.estimateAssets = WorkspaceStart.estimateAssets(Repo.assets)
        #expect(options.estimateAssets.problem == nil)
        let loop = try w.open(options: options)
        let templates = options.estimateAssets.templates!.templates
        w.backend.script(
            .key(.char(":")), .type("estimates"), .key(.enter),
            .key(.char("A")), .key(.down), .key(.enter),
            .run { b in #expect(b.statusLine.contains("Inserted \(templates[0].title)")) },
            .key(.char("R")),
            .run { b in #expect(b.screen.contains("Reference card") && b.screen.contains("Latency")) },
            .key(.escape),
            .key(.ctrl("s")),
            .run { b in #expect(b.statusLine.contains("Saved")) },
            .key(.char(":")), .type("e \(World.folder)/other.json"), .key(.enter),
            .run { b in #expect(b.statusLine.contains("Opened")) },
            .key(.char(":")), .type("reference"), .key(.enter),
            .run { b in #expect(b.screen.contains("Reference card") && b.screen.contains("Latency"), "the card is still loaded") },
            .key(.escape),
            .key(.char("q")))
        #expect(loop.run() == .quit)
        let saved = try #require(w.design())
        #expect(saved.estimates.map(\.name) == templates[0].estimates.map(\.name))
        #expect(saved.estimateSheet().statuses.allSatisfy { $0.quantity != nil })
    }
}
