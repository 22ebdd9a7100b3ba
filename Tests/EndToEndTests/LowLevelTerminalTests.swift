import DesignModel
import DesignStorage
import Foundation
import Testing

/// A PyPI checker from the venv `make test` builds (`make deps-py`); missing is a failure.
private func venvTool(_ name: String) throws -> String {
    let path = Repo.root.appendingPathComponent(".build/venv/bin/\(name)").path
    try #require(FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: run make deps-py (make test does)")
    return path
}

private func systemTool(_ name: String) throws -> String {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(path, "\(name) is not installed (make test installs it)")
}

/// The APIs and Entities screens in a real terminal of 80×24, as a user drives them.
@Suite(.serialized) struct LowLevelTerminalTests {
    /// Creates an endpoint and an entity with three fields through the forms and the table
    /// editor, saves, reopens, exports, and finds them in the report, in the OpenAPI document
    /// (valid by openapi-spec-validator) and in the SQL (parsed by PostgreSQL's own parser).
    @Test func anEndpointAndAnEntityMadeInTheWorkspaceReachEveryExport() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let t = try TmuxSession("\(Repo.binary) shop.json", cwd: dir.path, columns: 80, rows: 24)
        try t.waitFor(text: "New design")

        // Two components: the service and its database.
        try t.keys("2")
        try t.keys("a"); try t.waitFor(text: "New component")
        try t.type("Orders service"); try t.keys("Enter")
        try t.waitFor(text: "Added comp-1")
        try t.keys("a"); try t.waitFor(text: "New component")
        try t.type("Orders database"); try t.keys("Tab"); try t.type("Da"); try t.keys("Enter")
        try t.waitFor(text: "Added comp-2")

        // The entity: its form (the store list offers the database), then its fields.
        try t.keys(":"); try t.type("entities"); try t.keys("Enter")
        try t.waitFor(text: "Entities (0)")
        try t.keys("a"); try t.waitFor(text: "New entity")
        try t.type("orders"); try t.keys("Tab", "Tab")
        try t.type("O")
        try t.waitFor(text: "Orders database (comp-2)")
        try t.keys("Enter")
        try t.waitFor(text: "Added ent-1")
        try t.keys("r")
        try t.waitFor(text: "No fields yet")
        try t.keys("a"); try t.type("id"); try t.keys("Tab")
        try t.waitFor(text: "Added field \"id\"")
        try t.keys("C-u"); try t.type("uuid"); try t.keys("Tab")
        try t.keys("Space")                                         // PK
        try t.waitFor(text: "Updated field \"id\"")
        try t.keys("a"); try t.type("customer_id"); try t.keys("Tab")
        try t.keys("C-u"); try t.type("uuid"); try t.keys("Enter")
        try t.waitFor(text: "Updated field \"customer_id\"")
        try t.keys("a"); try t.type("created_at"); try t.keys("Tab")
        try t.keys("C-u"); try t.type("timestamptz"); try t.keys("Enter")
        let table = try t.waitFor(text: "Updated field \"created_at\"")
        for text in ["Fields 3", "Name", "Type", "PK", "References", "customer_id", "timestamptz"] {
            #expect(table.contains(text), "\(text) on the table at 80×24:\n\(table)")
        }
        try t.keys("Escape")
        try t.waitFor("the table to close") { !$0.contains("References") }

        // The endpoint: its form, then a request field and an error in the table editor.
        try t.keys(":"); try t.type("apis"); try t.keys("Enter")
        try t.waitFor(text: "APIs (0)")
        try t.keys("a"); try t.waitFor(text: "New endpoint")
        try t.keys("p", "Tab")                                     // POST
        try t.type("/orders"); try t.keys("Tab")
        try t.type("O")                                            // served by Orders service
        try t.waitFor(text: "Orders service (comp-1)")
        try t.keys("Tab"); try t.type("Place an order")
        try t.keys("Tab"); try t.type("201")
        try t.keys("Enter")
        try t.waitFor(text: "Added api-1")
        try t.keys("r")
        try t.waitFor(text: "No request yet")
        try t.keys("a"); try t.type("customer_id"); try t.keys("Tab")
        try t.keys("C-u"); try t.type("uuid"); try t.keys("Enter")
        try t.waitFor(text: "Updated request field \"customer_id\"")
        try t.keys(">", ">")
        try t.waitFor(text: "No errors yet")
        try t.keys("a"); try t.type("409"); try t.keys("Tab"); try t.type("order already placed"); try t.keys("Enter")
        try t.waitFor(text: "Updated error response \"409\"")
        try t.keys("Escape")
        let list = try t.waitFor(text: "POST   /orders")
        #expect(list.contains("Orders service"), "the list row names the serving component")

        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(try sysdraft("validate", dir.file("shop.json")).status == 0)

        // Reopen: the entity and the endpoint are there, in full; export the report from the palette.
        let t2 = try TmuxSession("\(Repo.binary) shop.json", cwd: dir.path, columns: 80, rows: 24)
        try t2.waitFor(text: "Shop — shop.json")
        try t2.keys(":"); try t2.type("entities"); try t2.keys("Enter")
        try t2.waitFor(text: "Entities (1)")
        try t2.keys("v")
        let full = try t2.waitFor(text: "customer_id: uuid")
        #expect(full.contains("id: uuid · PK") && full.contains("created_at: timestamptz"), "\(full)")
        try t2.keys("Escape")
        try t2.keys(":"); try t2.type("export report.md"); try t2.keys("Enter")
        try t2.waitFor(text: "Exported report.md")
        try t2.keys("q")
        try t2.waitFor(text: "EXITED=0")

        let report = String(decoding: try #require(FileManager.default.contents(atPath: dir.file("report.md"))), as: UTF8.self)
        for text in ["orders", "customer_id", "timestamptz", "/orders", "409", "order already placed", "erDiagram"] {
            #expect(report.contains(text), "\(text) in the report")
        }
        let html = try run(try systemTool("cmark-gfm"), ["--extension", "table", dir.file("report.md")])
        #expect(html.status == 0)
        #expect(html.stdout.contains(">customer_id</td>") && html.stdout.contains(">timestamptz</td>"),
                "the fields are in a rendered table")

        // OpenAPI: valid, with the operation and its error.
        let openapi = try sysdraft("export", dir.file("shop.json"), "--format", "openapi", "-o", dir.file("api.openapi.json"))
        #expect(openapi.status == 0, "\(openapi.stderr)")
        let valid = try run(try venvTool("openapi-spec-validator"), [dir.file("api.openapi.json")])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("api.openapi.json")))) as? [String: Any])
        let post = ((doc["paths"] as? [String: Any])?["/orders"] as? [String: Any])?["post"] as? [String: Any]
        let responses = try #require(post?["responses"] as? [String: Any])
        #expect(responses["201"] != nil && responses["409"] != nil)

        // SQL: PostgreSQL's parser reads it; the table has the three columns and the key.
        let sql = try sysdraft("export", dir.file("shop.json"), "--format", "sql", "-o", dir.file("schema.sql"))
        #expect(sql.status == 0, "\(sql.stderr)")
        let script = "import json, sys, pglast\nfrom pglast import ast\n"
            + "tree = pglast.parse_sql(open(sys.argv[1]).read())\n"
            + "out = []\n"
            + "for raw in tree:\n"
            + "    s = raw.stmt\n"
            + "    if isinstance(s, ast.CreateStmt):\n"
            + "        cols = [e.colname for e in s.tableElts if isinstance(e, ast.ColumnDef)]\n"
            + "        out.append({'table': s.relation.relname, 'columns': cols})\n"
            + "print(json.dumps(out))\n"
        let parsed = try run(try venvTool("python"), ["-c", script, dir.file("schema.sql")])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: Any]])
        #expect(tables.count == 1)
        #expect(tables.first?["table"] as? String == "orders")
        #expect(tables.first?["columns"] as? [String] == ["id", "customer_id", "created_at"])
        let ddl = String(decoding: try #require(FileManager.default.contents(atPath: dir.file("schema.sql"))), as: UTF8.self)
        #expect(ddl.contains("PRIMARY KEY"))
    }
}
