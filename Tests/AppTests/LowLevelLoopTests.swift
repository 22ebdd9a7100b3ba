import App
import DesignModel
import DesignStorage
import Foundation
import Testing
import TextUI
import Workspace

/// The APIs and Entities screens and the table editor through the whole run loop, on the
/// in-memory terminal at 80×24: keys, the mouse, saving, and the file written.
@Suite struct LowLevelLoopTests {
    static func design() -> Design {
        var d = World.sample(requirements: 1, components: 0)
        d.addComponent(name: "Shorten service", kind: .service)
        d.addComponent(name: "Link store", kind: .database, technology: "PostgreSQL")
        return d
    }

    @Test func anEntityWithThreeFieldsAndAnEndpointAreTypedSavedAndShown() throws {
        let w = World(size: ScreenSize(columns: 80, rows: 24))
        w.file(World.doc, Self.design())
        let loop = try w.open()
        var tableScreen = ""
        w.backend.script(
            .key(.char(":")), .type("entities"), .key(.enter),
            .key(.char("a")), .type("links"), .key(.tab), .key(.tab), .type("l"), .key(.enter),
            .run { b in #expect(b.statusLine.contains("Added ent-1")) },
            .key(.char("r")),
            .key(.char("a")), .type("code"), .key(.tab), .key(.ctrl("u")), .type("varchar(16)"), .key(.tab), .key(.char(" ")),
            .key(.char("a")), .type("long_url"), .key(.tab), .key(.ctrl("u")), .type("text"), .key(.enter),
            .key(.char("a")), .type("created_at"), .key(.tab), .key(.ctrl("u")), .type("timestamptz"), .key(.enter),
            .run { b in tableScreen = b.screen },
            .key(.escape),
            .key(.char(":")), .type("apis"), .key(.enter),
            .key(.char("a")), .key(.tab), .type("/links/{code}"), .key(.tab), .type("s"), .key(.enter),
            .key(.char("r")), .key(.char(">")), .key(.char(">")), .key(.char("a")), .type("404"), .key(.tab),
            .type("no such link"), .key(.enter), .key(.escape),
            .key(.ctrl("s")),
            .run { b in #expect(b.statusLine.contains("Saved")) },
            .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(w.backend.exhausted == 0)
        #expect(w.backend.rawCharacters.isEmpty)
        #expect(tableScreen.contains("Name") && tableScreen.contains("References"), "\(tableScreen)")
        #expect(tableScreen.contains("timestamptz"))
        let saved = try #require(w.design())
        let e = try #require(saved.entities.first)
        #expect(e.name == "links")
        #expect(e.store == "comp-2")
        #expect(e.fields.map(\.name) == ["code", "long_url", "created_at"])
        #expect(e.fields.map(\.type) == ["varchar(16)", "text", "timestamptz"])
        #expect(e.fields.map(\.primaryKey) == [true, false, false])
        let api = try #require(saved.endpoints.first)
        #expect(api.method == .get && api.path == "/links/{code}" && api.component == "comp-1")
        #expect(api.errors == [Endpoint.ErrorResponse(code: "404", meaning: "no such link")])
    }

    @Test func theMouseSelectsTicksAndSwitchesTables() throws {
        let w = World(size: ScreenSize(columns: 80, rows: 24))
        var d = Self.design()
        let id = d.addEntity("links", store: "comp-2")
        for name in ["code", "owner", "created_at"] { try d.editEntityFields(id, .add(Entity.Field(name: name))) }
        w.file(World.doc, d)
        let loop = try w.open()
        var nullAt: (x: Int, y: Int)?
        var tabAt: (x: Int, y: Int)?
        w.backend.script(
            .key(.char(":")), .type("entities"), .key(.enter), .key(.char("r")),
            .run { b in
                let lines = b.lines()
                // The Null column of the "owner" row, and the Indexes tab, where they are drawn.
                if let header = lines.firstIndex(where: { $0.contains("Null") }),
                   let row = lines.firstIndex(where: { $0.contains(" owner ") }) {
                    nullAt = (lines[header].distance(of: "Null"), row)
                }
                if let y = lines.firstIndex(where: { $0.contains("Indexes") }) { tabAt = (lines[y].distance(of: "Indexes"), y) }
            })
        // Run until the table is drawn, then click with what was found.
        w.backend.script(.run { b in
            guard let n = nullAt, let t = tabAt else { Issue.record("columns not found:\n\(b.screen)"); return }
            b.script(.mouse(MouseEvent(.press, x: n.x, y: n.y)), .mouse(MouseEvent(.press, x: n.x, y: n.y)),
                     .run { b in #expect(b.screen.contains("Updated field \"owner\"")) },
                     .mouse(MouseEvent(.press, x: t.x, y: t.y)),
                     .run { b in #expect(b.screen.contains("Fields (in order)")) },
                     .key(.escape), .key(.ctrl("s")), .key(.char("q")))
        })
        #expect(loop.run() == .quit)
        let saved = try #require(w.design())
        #expect(saved.entities[0].fields.map(\.nullable) == [false, true, false])
    }
}

extension String {
    /// The column (in characters) where `s` starts, for the plain ASCII lines tests look at.
    func distance(of s: String) -> Int {
        guard let r = range(of: s) else { return 0 }
        return self[..<r.lowerBound].count
    }
}
