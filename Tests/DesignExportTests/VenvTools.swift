import Foundation

/// The PyPI checkers `make test` installs into `.build/venv` (its `deps-py` step). A missing
/// checker is an error, so the test fails rather than skips.
enum VenvTools {
    static let bin = TestPaths.repoRoot.appendingPathComponent(".build/venv/bin")

    static func path(_ tool: String) throws -> String {
        let p = bin.appendingPathComponent(tool).path
        guard FileManager.default.isExecutableFile(atPath: p) else {
            throw ToolMissing(description: "\(p) is missing; run `make deps-py` (or `make test`, which does)")
        }
        return p
    }

    /// Runs a venv tool with `input` in a temporary file as its last argument.
    static func run(_ tool: String, _ args: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try runExecutable(try path(tool), args, input: input)
    }

    /// `openapi-spec-validator` on a document: nil when valid, else what it said.
    static func openAPIProblems(_ document: String) throws -> String? {
        let r = try run("openapi-spec-validator", [], input: document)
        return r.status == 0 ? nil : r.stdout + r.stderr
    }

    /// One parsed statement, as PostgreSQL's parser (pglast) saw it.
    struct Statement: Decodable {
        var kind: String
        var table: String?
        var columns: [String]?
        var index: String?
        var unique: Bool?
        var references: String?
        var object: [String?]?
        var comment: String?
    }

    static let pglastScript = """
        import sys, json, pglast
        from pglast import ast
        sql = open(sys.argv[1], encoding='utf-8').read()
        out = []
        for raw in pglast.parse_sql(sql):
            st = raw.stmt
            d = {'kind': type(st).__name__}
            if isinstance(st, ast.CreateStmt):
                d['table'] = st.relation.relname
                d['columns'] = [e.colname for e in (st.tableElts or ()) if isinstance(e, ast.ColumnDef)]
            elif isinstance(st, ast.IndexStmt):
                d['index'] = st.idxname
                d['table'] = st.relation.relname
                d['unique'] = bool(st.unique)
                d['columns'] = [p.name for p in st.indexParams]
            elif isinstance(st, ast.CommentStmt):
                obj = st.object if isinstance(st.object, tuple) else (st.object,)
                d['object'] = [getattr(x, 'sval', None) for x in obj]
                d['comment'] = st.comment
            elif isinstance(st, ast.AlterTableStmt):
                d['table'] = st.relation.relname
                c = st.cmds[0].def_
                d['references'] = c.pktable.relname if c is not None and c.pktable is not None else None
            out.append(d)
        print(json.dumps(out))
        """

    /// The statements in `sql`, parsed by PostgreSQL's own parser; throws with the parser's
    /// message when it does not parse.
    static func parseSQL(_ sql: String) throws -> [Statement] {
        let r = try run("python", ["-c", pglastScript], input: sql)
        guard r.status == 0 else { throw CheckerRefused(description: "PostgreSQL's parser refused the SQL: \(r.stderr)") }
        return try JSONDecoder().decode([Statement].self, from: Data(r.stdout.utf8))
    }
}

struct CheckerRefused: Error, CustomStringConvertible {
    var description: String
}
