import DesignModel
import Testing
@testable import TextUI
import Workspace

/// The diagram screen draws exactly the part of the drawing the reducer's camera points at.
@Suite struct DiagramScreenTests {
    @Test("the reducer's viewport is the view's inner rect", arguments: [(60, 15), (80, 24), (100, 30), (211, 57)])
    func viewportMatchesTheLayout(size: (Int, Int)) {
        let screen = ScreenSize(columns: size.0, rows: size.1)
        let inner = ScreenLayout.compute(screen, focus: .requirements).body.inset(horizontal: 1, vertical: 1)
        let viewport = DiagramView.viewport(screen)
        #expect(inner.width == viewport.width && inner.height == viewport.height)
    }

    @Test func panningShowsTheNextPartOfTheDrawing() throws {
        var s = viewState(viewExample, 80, 24)
        viewSend(&s, .char("D"))
        let before = viewRender(s).lines()
        #expect(s.diagram.panY == 0)
        viewSend(&s, .char("j"))
        let after = viewRender(s).lines()
        let step = DiagramView.panStep.y
        #expect(after[22].contains(" \(s.diagram.panX),\(step) of "), "the corner shows where the camera is")
        // The drawing moved up by one step: row r of the new frame is row r + step of the old
        // (rows 2…21 are the drawing inside the border at 80×24).
        #expect(before[2...21] != after[2...21])
        for row in 2...(21 - step) {
            #expect(after[row] == before[row + step], "row \(row)")
        }
    }
}
