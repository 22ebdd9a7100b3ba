import DesignModel
import DesignStorage
import Foundation
import Testing

/// `export --format openapi|sql` and the endpoint/entity checks of `validate`, through the binary.
@Suite struct LowLevelCLITests {
    @Test func theNewFormatsFromTheFlagOrTheFileName() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let design = dir.file("d.json")
        try sysdraft("new", design, "--from", "url-shortener")

        let openapi = try sysdraft("export", design, "--format", "openapi")
        #expect(openapi.status == 0, "\(openapi.stderr)")
        let root = try JSONSerialization.jsonObject(with: Data(openapi.stdout.utf8)) as? [String: Any]
        #expect(root?["openapi"] as? String == "3.1.0")
        #expect(try sysdraft("export", design, "-o", dir.file("api.openapi.json")).status == 0)
        #expect(contents(dir.file("api.openapi.json")) == Data(openapi.stdout.utf8))

        let sql = try sysdraft("export", design, "--format", "sql")
        #expect(sql.status == 0 && sql.stdout.hasPrefix("-- PostgreSQL DDL"))
        #expect(try sysdraft("export", design, "-o", dir.file("schema.sql")).status == 0)
        #expect(contents(dir.file("schema.sql")) == Data(sql.stdout.utf8))

        let bad = try sysdraft("export", design, "--format", "yaml")
        #expect(bad.status == 64 && bad.stderr.contains("openapi") && bad.stderr.contains("sql"))
    }

    @Test func validateReportsTheChecks() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("d.json")
        try sysdraft("new", path, "--from", "url-shortener")
        // The worked example passes; take the redirect's "public by design" away and it warns.
        #expect(try sysdraft("validate", "--strict", path).status == 0)
        var open = try DesignFile.load(path)
        open.endpoints[4].auth = .none
        try DesignFile.save(open, to: path)
        let ok = try sysdraft("validate", path)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("warning: endpoints[4].auth: endpoint api-5 (GET /{code}) is public"), "\(ok.stdout)")
        #expect(ok.stdout.contains(": ok — "))
        #expect(try sysdraft("validate", "--strict", path).status == 1)

        // Two endpoints on one route: an error, exit 1, no "ok".
        var design = try DesignFile.load(path)
        var copy = design.endpoints[1]
        copy.id = "api-99"
        copy.path = "/api/v1/links/"
        design.endpoints.append(copy)
        try DesignFile.save(design, to: path)
        let dup = try sysdraft("validate", path)
        #expect(dup.status == 1)
        #expect(dup.stderr.contains("error: endpoints[7].path: endpoint api-99 (GET /api/v1/links/) has the same method and path as api-2"),
                "\(dup.stderr)")
        #expect(!dup.stdout.contains(": ok — "))
        // The file is not refused: it opens, exports and formats.
        #expect(try sysdraft("export", path, "--format", "openapi").status == 0)
        #expect(try sysdraft("fmt", "--check", path).status == 0)
    }
}
