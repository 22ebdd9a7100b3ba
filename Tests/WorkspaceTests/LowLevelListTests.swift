import DesignModel
import Foundation
import Testing
@testable import Workspace

/// The APIs and Entities lists behave like the other panes: the filter matches what a row
/// stands for (served by, auth, error codes, fields), and undo/redo take back form edits.
@Suite struct LowLevelListTests {
    @Test func theFilterMatchesWhatTheEndpointSays() {
        var s = lowLevelState()
        s.design.addEndpoint(.get, "/links", servedBy: "comp-2")
        s.design.addEndpoint(.post, "/users")
        s.design.endpoints[0].errors = [.init(code: "409", meaning: "taken")]
        s.design.endpoints[1].auth = .oauth2
        goTo(&s, "apis")
        send(&s, .char("/"))
        type(&s, "shorten")                     // the serving component's name
        #expect(s.visibleRows(.endpoints) == [0])
        send(&s, .escape, .char("/"))
        type(&s, "oauth")                       // the auth kind
        #expect(s.visibleRows(.endpoints) == [1])
        send(&s, .escape, .char("/"))
        type(&s, "409")                         // an error code
        #expect(s.visibleRows(.endpoints) == [0])
        send(&s, .escape)
        #expect(s.visibleRows(.endpoints) == [0, 1])
    }

    @Test func undoAndRedoTakeBackAFormEdit() throws {
        var s = lowLevelState()
        s.design.addEndpoint(.get, "/links")
        goTo(&s, "apis")
        let before = s.design
        send(&s, .char("e"), .tab)
        type(&s, "/v2")                          // appended to the path
        send(&s, .enter)
        #expect(s.design.endpoints[0].path == "/links/v2")
        send(&s, .char("u"))
        #expect(s.design.endpoints == before.endpoints)
        send(&s, .ctrl("r"))
        #expect(s.design.endpoints[0].path == "/links/v2")
    }
}
