import Foundation
import Testing

@Suite struct DiagramCLITests {
    @Test func drawsTheWorkedExample() throws {
        let r = try sysdraft("diagram", Repo.example)
        #expect(r.status == 0, "\(r.stderr)")
        for tag in ["[User]", "[CDN]", "[LB]", "[GW]", "[Cache]", "[Q]", "[Wkr]"] {
            #expect(r.stdout.contains(tag), "box tagged \(tag)")
        }
        #expect(r.stdout.components(separatedBy: "[DB]").count - 1 == 2, "two databases")
        #expect(r.stdout.contains("▼") || r.stdout.contains("▶"), "arrowheads")
        #expect(r.stdout.contains("┄") || r.stdout.contains("┆"), "async flows are dashed")
    }

    @Test func asciiOutputIsPlainASCII() throws {
        let r = try sysdraft("diagram", "--ascii", "--direction", "lr", Repo.example)
        #expect(r.status == 0)
        // The example's names are ASCII, so with --ascii every character drawn is too.
        let allASCII = r.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
        #expect(r.stdout.contains("+--"))
    }

    @Test func anEmptyDesignDrawsNothingAndIsNotAnError() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("e.json"))
        let r = try sysdraft("diagram", dir.file("e.json"))
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.contains("no components yet"))
    }

    @Test func directionIsSpelledEitherWayInBothCommands() throws {
        let lower = try sysdraft("diagram", "--direction", "lr", Repo.example)
        let upper = try sysdraft("diagram", "--direction", "LR", Repo.example)
        #expect(lower.status == 0 && lower.stdout == upper.stdout)
        let tb = try sysdraft("export", "--format", "mermaid", "--direction", "tb", Repo.example)
        let TB = try sysdraft("export", "--format", "mermaid", "--direction", "TB", Repo.example)
        #expect(tb.status == 0 && tb.stdout == TB.stdout && tb.stdout.contains("flowchart TB"))
        #expect(try sysdraft("diagram", "--direction", "sideways", Repo.example).status == 64)
    }

    @Test func widthLimitIsTriedAndReported() throws {
        let fits = try sysdraft("diagram", "--width", "400", Repo.example)
        #expect(fits.status == 0)
        #expect(fits.stderr.isEmpty)
        #expect(fits.stdout.split(separator: "\n").allSatisfy { $0.count <= 400 })
        let tight = try sysdraft("diagram", "--width", "20", Repo.example)
        #expect(tight.status == 0)
        #expect(tight.stderr.contains("columns wide"))
        #expect(try sysdraft("diagram", "--width", "5", Repo.example).status == 64)
    }
}
