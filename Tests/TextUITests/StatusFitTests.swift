import Testing
@testable import TextUI

@Suite struct StatusFitTests {
    @Test func aLongPathGivesWayToTheReasonAfterIt() {
        let text = "Not saved: /home/ann/projects/architecture/designs/2026/url-shortener.json: Permission denied"
        let fitted = StatusFit.fit(text, width: 60)
        #expect(fitted == "Not saved: …/url-shortener.json: Permission denied")
        #expect(fitted.count <= 60)
    }

    @Test func textThatFitsIsLeftAlone() {
        let text = "Saved /tmp/a/b.json"
        #expect(StatusFit.fit(text, width: 80) == text)
    }

    @Test func onlyAsManyPathsAsNeededAreShortened() {
        let text = "Copied /srv/designs/team/a-long-file-name.json to /tmp/x/y/b.json: done"
        let fitted = StatusFit.fit(text, width: 60)
        #expect(fitted.contains("…/a-long-file-name.json") && fitted.contains("/tmp/x/y/b.json"))
    }
}

import DesignModel
import Foundation
import Workspace

@Suite struct ConfirmLayoutTests {
    @Test func answersThatDoNotFitOnOneLineWrapWhole() {
        var s = viewState(Design(title: "T", now: Date(timeIntervalSince1970: 0)), 60, 20)
        s.overlays.append(.confirm(Confirm(title: "Changed on disk", message: "d.json changed on disk since it was opened.",
            options: [("o", "Overwrite it with these edits", .cancel), ("s", "Save these edits as another file", .cancel),
                      ("r", "Reload it and lose the edits", .cancel), ("c", "Cancel", .cancel)])))
        let screen = viewRender(s).lines(trimTrailing: true).joined(separator: "\n")
        for label in ["[o] Overwrite it with these edits", "[s] Save these edits as another file",
                      "[r] Reload it and lose the edits", "[c] Cancel"] {
            #expect(screen.contains(label), "\(label) is shown whole:\n\(screen)")
        }
    }

    @Test func theStatusLineKeepsTheReasonOfAFailedSave() {
        var s = viewState(Design(title: "T", now: Date(timeIntervalSince1970: 0)), 80, 24)
        s.message = StatusMessage(failed: .document, "Not saved: /home/ann/projects/architecture/designs/2026/q4/url-shortener.json: Permission denied")
        let last = viewRender(s).lines(trimTrailing: true).last ?? ""
        #expect(last.contains("…/url-shortener.json: Permission denied"), "\(last)")
    }
}

@Suite struct DetailHangingIndentTests {
    @Test func aProOrConWrapsUnderItsText() {
        let rows = DetailText.rows([DetailLine("Option A", "+ cheap to run and simple to operate for a small team\n− one region only")],
                                   valueWidth: 24)
        let texts = rows.map(\.text)
        #expect(texts.first?.hasPrefix("+ cheap") == true)
        #expect(texts.dropFirst().prefix { !$0.hasPrefix("−") }.allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") },
                "\(texts)")
        #expect(texts.contains("− one region only"))
        #expect(texts.allSatisfy { DisplayWidth.of($0) <= 24 })
    }
}
