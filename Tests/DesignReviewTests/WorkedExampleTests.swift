import DesignModel
@testable import DesignReview
import Foundation
import Testing

@Suite struct WorkedExampleTests {
    @Test func theWorkedExampleHasNoErrors() throws {
        let design = try DesignCodec.decode(try Data(contentsOf: OutputTests.example))
        let r = DesignReviewer.review(design)
        #expect(r.count(.error) == 0, "\(r.open.filter { $0.severity == .error }.map(\.message))")
        // Its requirements are linked to what meets them, and its stores say how they survive a failure.
        #expect(r.open.isEmpty, "\(r.open.map { "\($0.rule): \($0.message)" })")
        #expect(Traceability(design).unaddressed(in: design).isEmpty)
    }
}
