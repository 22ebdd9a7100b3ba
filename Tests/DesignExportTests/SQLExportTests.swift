import DesignModel
import Foundation
import TestSupport
import Testing
@testable import DesignExport

/// The SQL export, read back by PostgreSQL's own parser (pglast).
@Suite struct SQLExportTests {
    @Test func theWorkedExampleParses() throws {
        let design = try #require(try Fixtures.workedExample())
        let sql = SQLExport.render(design)
        let statements = try VenvTools.parseSQL(sql)
        // Its one entity lives in DynamoDB: described, not created.
        #expect(statements.isEmpty)
        for e in design.entities {
            #expect(sql.contains("-- \(e.id): \(e.name) ("))
            #expect(SQLExport.placement(of: e, in: design) == .elsewhere(reason: "DynamoDB is not a relational database"))
        }
    }

    @Test(arguments: [(UInt64(1), true), (2, true), (3, true), (4, true), (5, false), (6, false)])
    func generatedDesignsParseAndKeepTheirNames(seed: UInt64, hostile: Bool) throws {
        let design = LowLevelDesigns.make(seed: seed, endpoints: 5, entities: 40, hostile: hostile)
        let sql = SQLExport.render(design)
        let statements = try VenvTools.parseSQL(sql)
        #expect(Set(statements.map(\.kind)).isSubset(of: ["CreateStmt", "IndexStmt", "CommentStmt", "AlterTableStmt"]))

        let tables = design.entities.filter { SQLExport.placement(of: $0, in: design) == .table }
        let created = statements.filter { $0.kind == "CreateStmt" }
        #expect(created.count == tables.count)
        let names = created.compactMap(\.table)
        #expect(Set(names).count == names.count, "table names collide")
        // A name that is unique, not blank and short enough reaches PostgreSQL exactly as shown.
        let visible = tables.map { TextSafety.oneLine($0.name, separator: " ") }
        for (e, name) in zip(tables, visible) where !name.isEmpty && name.utf8.count <= 63 && visible.filter({ $0 == name }).count == 1 {
            #expect(names.contains(name), "table for \(e.id) \(name.debugDescription)")
            let columns = created.first { $0.table == name }?.columns ?? []
            #expect(Set(columns).count == columns.count, "columns of \(name) collide")
            for f in e.fields {
                let c = TextSafety.oneLine(f.name, separator: " ")
                if !c.isEmpty && c.utf8.count <= 63 { #expect(columns.contains(c), "column \(c.debugDescription) of \(name)") }
            }
        }
        // Indexes and foreign keys refer to created tables; index names never take a table's.
        for s in statements where s.kind == "IndexStmt" || s.kind == "AlterTableStmt" {
            #expect(names.contains(s.table ?? ""), "\(s)")
            if let r = s.references { #expect(names.contains(r)) }
            if let i = s.index { #expect(!names.contains(i)) }
        }
        let indexNames = statements.compactMap(\.index)
        #expect(Set(indexNames).count == indexNames.count)
        // Every other entity is accounted for in a comment.
        for e in design.entities where SQLExport.placement(of: e, in: design) != .table {
            #expect(sql.contains("-- " + TextSafety.oneLine(e.id.rawValue) + ": "))
        }
    }

    @Test func injectionStaysInsideNamesLiteralsAndComments() throws {
        var d = Design(title: "x\n DROP TABLE t; --", now: Fixtures.epoch)
        let db = d.addComponent(name: "DB\n DROP TABLE y;", kind: .database, technology: "Postgres")
        d.entities.append(Entity(id: "ent-1", name: "x\"; DROP TABLE users; --", store: db, kind: .table,
                                 fields: [.init(name: "id'); DROP TABLE z; --", type: "int", primaryKey: true,
                                                notes: "it's\n DROP TABLE w; -- \u{0085} DROP TABLE v;"),
                                          .init(name: "\u{0}nul", type: "text); DROP TABLE q; --")],
                                 indexes: [.init(name: "i\"x", fields: ["\u{0}nul"], query: "q'\r\nDROP TABLE r;")],
                                 notes: "*/ DROP TABLE s; /*"))
        d.entities.append(Entity(id: "ent-2", name: "cache\n DROP TABLE c;", store: nil, kind: .keyValue,
                                 fields: [.init(name: "k\r\nDROP TABLE k;")]))
        let sql = SQLExport.render(d)
        let statements = try VenvTools.parseSQL(sql)
        #expect(statements.map(\.kind) == ["CreateStmt", "IndexStmt", "CommentStmt", "CommentStmt", "CommentStmt", "CommentStmt"])
        #expect(statements[0].table == "x\"; DROP TABLE users; --")
        #expect(statements[0].columns == ["id'); DROP TABLE z; --", "^@nul"])
        #expect(statements[1].index == "i\"x")
        // The text the user wrote is kept, made visible and on one line.
        #expect(statements[2].comment == "ent-1 · */ DROP TABLE s; /*")
        #expect(statements[3].comment == "it's / DROP TABLE w; -- / DROP TABLE v;")
        #expect(statements[4].comment?.hasPrefix("declared type: text); DROP TABLE q; --") == true)
        #expect(statements[5].comment == "Serves: q' / DROP TABLE r;")
        for line in sql.split(separator: "\n") where line.contains("DROP TABLE") {
            #expect(line.hasPrefix("--") || line.contains("'") || line.contains("\""), "\(line)")
        }
    }

    @Test func typesKeysIndexesAndForeignKeys() throws {
        var d = Design(title: "Shop", now: Fixtures.epoch)
        let db = d.addComponent(name: "Main", kind: .database, technology: "PostgreSQL 16")
        let other = d.addComponent(name: "Other", kind: .database, technology: "MySQL 8")
        d.entities.append(Entity(id: "ent-1", name: "Users", store: db, kind: .table, fields: [
            .init(name: "id", type: "bigserial", primaryKey: true),
            .init(name: "email", type: "varchar(320)", unique: true),
            .init(name: "status", type: "enum(active, 'disabled')"),
            .init(name: "balance", type: "numeric(12,2)", nullable: true),
            .init(name: "tags", type: "[string]"),
            .init(name: "prefs", type: "map<string,bool>"),
            .init(name: "created_at", type: "datetime"),
            .init(name: "select", type: "Colour", indexed: true),
        ]))
        d.entities.append(Entity(id: "ent-2", name: "orders", store: db, kind: .table, fields: [
            .init(name: "id", type: "uuid", primaryKey: true),
            .init(name: "user_id", type: "bigint", indexed: true, references: .init(entity: "ent-1", field: "id")),
            .init(name: "email", type: "text", references: .init(entity: "ent-1", field: "email")),
            .init(name: "status", references: .init(entity: "ent-1", field: "status")),
            .init(name: "elsewhere", references: .init(entity: "ent-3", field: "id")),
        ], indexes: [.init(fields: ["user_id", "id"], query: "A user's orders"),
                     .init(name: "orders_email", fields: ["email"], unique: true)]))
        d.entities.append(Entity(id: "ent-3", name: "audit", store: other, kind: .table,
                                 fields: [.init(name: "id", type: "int", primaryKey: true)]))
        let sql = SQLExport.render(d)
        let statements = try VenvTools.parseSQL(sql)
        #expect(statements.filter { $0.kind == "CreateStmt" }.map(\.table) == ["Users", "orders", "audit"])
        for fragment in [
            "\"Users\"", "id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL", "email varchar(320) NOT NULL UNIQUE",
            "status text NOT NULL CHECK (status IN ('active', 'disabled'))", "balance numeric(12, 2),",
            "tags text[] NOT NULL", "prefs jsonb NOT NULL", "created_at timestamptz NOT NULL",
            "\"select\" text NOT NULL", "PRIMARY KEY (id)",
            "CREATE INDEX \"Users_select_idx\" ON \"Users\" (\"select\");",
            "CREATE INDEX orders_user_id_id_idx ON orders (user_id, id);",
            "CREATE UNIQUE INDEX orders_email ON orders (email);",
            "COMMENT ON COLUMN \"Users\".\"select\" IS 'declared type: Colour';",
            "COMMENT ON INDEX orders_user_id_id_idx IS 'Serves: A user''s orders';",
            "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES \"Users\" (id);",
            "ALTER TABLE orders ADD FOREIGN KEY (email) REFERENCES \"Users\" (email);",
            "-- ent-2.status references ent-1.status: no foreign key (the referenced field is not unique)",
            "-- ent-2.elsewhere references ent-3.id: no foreign key (the tables are in different stores)",
        ] {
            #expect(sql.contains(fragment), "\(fragment)")
        }
        // user_id leads an index already: no second single-column index for it.
        #expect(!sql.contains("orders_user_id_idx"))
    }

    @Test func whereAnEntityGetsATable() {
        var d = Design(title: "", now: Fixtures.epoch)
        let pg = d.addComponent(name: "a", kind: .database, technology: "")
        let dynamo = d.addComponent(name: "b", kind: .database, technology: "Amazon DynamoDB (on-demand)")
        let cache = d.addComponent(name: "c", kind: .cache, technology: "PostgreSQL")
        let mongo = d.addComponent(name: "d", kind: .database, technology: "MongoDB Atlas")
        func place(_ store: ItemID<Component>?, _ kind: Entity.Kind = .table) -> SQLExport.Placement {
            SQLExport.placement(of: Entity(id: "ent-1", name: "e", store: store, kind: kind), in: d)
        }
        #expect(place(pg) == .table)
        #expect(place(pg, .document) == .elsewhere(reason: "its kind is document collection, not table"))
        #expect(place(dynamo) == .elsewhere(reason: "DynamoDB is not a relational database"))
        #expect(place(mongo) == .elsewhere(reason: "MongoDB is not a relational database"))
        #expect(place(cache) == .elsewhere(reason: "its store is a cache, not a relational database"))
        #expect(place(nil) == .elsewhere(reason: "it is held by no component"))
        #expect(place("comp-9") == .elsewhere(reason: "its store comp-9 does not exist"))
        // Words, not substrings: "Postgres3" is not S3.
        #expect(StoreEngines.nonRelationalEngine(in: "Postgres3 on S3-backed disks") == "S3")
        #expect(StoreEngines.nonRelationalEngine(in: "Postgres3") == nil)
    }

    @Test func identifiersAreQuotedOnlyWhenNeeded() {
        #expect(SQLText.identifier("links") == "links")
        #expect(SQLText.identifier("_x9") == "_x9")
        for (name, quoted) in [("Links", "\"Links\""), ("select", "\"select\""), ("user", "\"user\""),
                               ("a\"b", "\"a\"\"b\""), ("naïve", "\"naïve\""), ("9lives", "\"9lives\""),
                               ("two words", "\"two words\""), ("a$b", "\"a$b\""), ("int", "\"int\"")] {
            #expect(SQLText.identifier(name) == quoted)
        }
        // Unreserved keywords are fine bare.
        #expect(SQLText.identifier("name") == "name" && SQLText.identifier("status") == "status")
        #expect(SQLText.literal("it's \\ fine\nnext") == "'it''s \\ fine / next'")
        let long = String(repeating: "é", count: 40)   // 80 bytes
        #expect(SQLText.name(long) == String(repeating: "é", count: 31))
        var ns = SQLNamespace()
        #expect(ns.claim("t") == "t" && ns.claim("t") == "t_2" && ns.claim("t") == "t_3" && ns.claim("") == "unnamed")
        let sixtyThree = String(repeating: "a", count: 63)
        #expect(ns.claim(sixtyThree) == sixtyThree)
        #expect(ns.claim(sixtyThree + "b") == String(repeating: "a", count: 61) + "_2")
    }

    /// Our list of keywords that need quoting covers the parser's own.
    @Test func keywordListMatchesThePostgresParser() throws {
        let script = """
            import sys
            from pglast import keywords
            print('\\n'.join(sorted(keywords.RESERVED_KEYWORDS | keywords.COL_NAME_KEYWORDS | keywords.TYPE_FUNC_NAME_KEYWORDS)))
            """
        let r = try VenvTools.run("python", ["-c", script], input: "")
        #expect(r.status == 0, "\(r.stderr)")
        let theirs = Set(r.stdout.split(separator: "\n").map { $0.lowercased() })
        #expect(theirs.count > 100)
        #expect(theirs.subtracting(PostgresKeywords.needQuoting).isEmpty, "missing \(theirs.subtracting(PostgresKeywords.needQuoting).sorted())")
    }

    @Test func aDesignWithoutEntitiesIsAComment() throws {
        let sql = SQLExport.render(Fixtures.emptyDesign())
        #expect(try VenvTools.parseSQL(sql).isEmpty)
        #expect(sql.split(separator: "\n").allSatisfy { $0.hasPrefix("--") || $0.isEmpty })
    }
}
