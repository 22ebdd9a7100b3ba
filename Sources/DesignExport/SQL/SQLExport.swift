import DesignModel

/// PostgreSQL DDL for the design's data model.
///
/// An entity becomes a table when it is of kind `table` and held by a `database` component
/// whose technology names no non-relational engine (`StoreEngines.nonRelational`: DynamoDB,
/// Cassandra, MongoDB, Redis, ClickHouse …); an empty technology counts as relational. Every
/// other entity is described in `--` comments with the reason it has no table.
///
/// For each table: `CREATE TABLE` with column types mapped from the field types (`string` →
/// `text`, `varchar(n)`, `int` → `integer`, `uuid`, `datetime` → `timestamptz`, `json` →
/// `jsonb`, `enum(a,b)` → `text` with a `CHECK`, `serial` → identity; unknown types → `text`
/// with the declared type in the column comment), `NOT NULL`, `UNIQUE`, the primary key;
/// then its indexes (composite ones and single indexed fields not already covered) and
/// `COMMENT ON` the table, columns and indexes. Foreign keys come last, as `ALTER TABLE`, for
/// references to a unique or sole primary-key column of a table in the same store.
///
/// Names are quoted when PostgreSQL would otherwise fold or refuse them (upper case, non-ASCII,
/// spaces, keywords), with `"` doubled; names are cut to 63 bytes and made unique, as
/// PostgreSQL would otherwise truncate them silently and collide. Literals double `'`; all user
/// text is made visible and folded onto one line, so nothing ends a comment or a literal.
public enum SQLExport {
    /// Whether an entity gets a table, and if not, why.
    public enum Placement: Equatable, Sendable {
        case table
        case elsewhere(reason: String)
    }

    public static func placement(of e: Entity, in design: Design) -> Placement {
        guard let id = e.store else { return .elsewhere(reason: "it is held by no component") }
        guard let c = design.components[id: id] else { return .elsewhere(reason: "its store \(id) does not exist") }
        guard c.kind == .database else {
            return .elsewhere(reason: "its store is a \(c.kind.label.lowercased()), not a relational database")
        }
        if let engine = StoreEngines.nonRelationalEngine(in: c.technology) {
            return .elsewhere(reason: "\(engine) is not a relational database")
        }
        guard e.kind == .table else { return .elsewhere(reason: "its kind is \(e.kind.label.lowercased()), not table") }
        return .table
    }

    public static func render(_ design: Design) -> String {
        var w = SQLWriter(design: design)
        return w.write()
    }
}

/// Engines whose data model is not relational (or whose DDL is not PostgreSQL's).
public enum StoreEngines {
    public static let nonRelational: Set<String> = [
        "dynamodb", "dynamo", "cassandra", "scylla", "scylladb", "mongodb", "mongo", "documentdb", "couchbase",
        "couchdb", "redis", "memcached", "valkey", "keydb", "bigtable", "hbase", "cosmos", "cosmosdb", "firestore",
        "firebase", "datastore", "elasticsearch", "opensearch", "solr", "neo4j", "clickhouse", "influxdb",
        "timestream", "druid", "pinot", "keyspaces", "riak", "etcd", "zookeeper", "rocksdb", "leveldb", "s3", "gcs",
        "kafka", "kinesis", "pulsar", "aerospike", "arangodb", "ravendb", "dgraph", "janusgraph", "bigquery",
        "snowflake", "hive", "iceberg", "parquet",
    ]

    /// The first word of `technology` that names a non-relational engine, as written.
    public static func nonRelationalEngine(in technology: String) -> String? {
        let words = technology.split { !($0.isLetter || $0.isNumber) }
        return words.first { nonRelational.contains($0.lowercased()) }.map(String.init)
    }
}

private struct SQLWriter {
    let design: Design
    var out = ""
    var relations = SQLNamespace()

    struct Table {
        var entity: Entity
        var name: String
        /// Column name per field index (nil: a repeated field name, left out).
        var columns: [String?]
    }

    init(design: Design) {
        self.design = design
        out.reserveCapacity(1024 + design.entities.count * 600)
    }

    mutating func line(_ s: String = "") {
        out += s
        out += "\n"
    }

    mutating func write() -> String {
        let title = SQLText.comment(design.title)
        line("-- PostgreSQL DDL for " + (title.isEmpty ? "an untitled design" : title) + ", written by sysdraft.")
        line("-- Tables for entities of kind table held by database components whose technology names no")
        line("-- non-relational engine; other entities are described in comments at the end.")
        if design.entities.isEmpty {
            line()
            line("-- The design has no entities yet.")
            return out
        }

        // Tables first claim their names, so an index never takes a table's name.
        var tables: [Table] = []
        var elsewhere: [(Entity, String)] = []
        for e in design.entities {
            switch SQLExport.placement(of: e, in: design) {
            case .table:
                var columns = SQLNamespace()
                var seen = Set<String>()
                let cols: [String?] = e.fields.map { f in
                    let n = SQLText.name(f.name)
                    guard n.isEmpty || seen.insert(n).inserted else { return nil }
                    return columns.claim(n)
                }
                tables.append(Table(entity: e, name: relations.claim(e.name), columns: cols))
            case .elsewhere(let reason):
                elsewhere.append((e, reason))
            }
        }
        var tableIndex: [ItemID<Entity>: Int] = [:]
        for (i, t) in tables.enumerated() where tableIndex[t.entity.id] == nil { tableIndex[t.entity.id] = i }

        for t in tables { writeTable(t) }
        writeForeignKeys(tables, tableIndex)
        if !elsewhere.isEmpty {
            line()
            line("-- Entities without a table")
            for (e, reason) in elsewhere { writeElsewhere(e, reason) }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    // MARK: tables

    mutating func writeTable(_ t: Table) {
        let e = t.entity
        let table = SQLText.identifier(t.name)
        line()
        var place = ""
        if let s = e.store, let c = design.components[id: s] {
            let name = SQLText.comment(c.name), tech = SQLText.comment(c.technology)
            place = " in " + (name.isEmpty ? SQLText.comment(s.rawValue) : name) + (tech.isEmpty ? "" : " (" + tech + ")")
        }
        line("-- " + SQLText.comment(e.id.rawValue) + ": " + SQLText.comment(e.name) + place)
        for (i, f) in e.fields.enumerated() where t.columns[i] == nil {
            line("-- field \(i + 1) repeats the name " + SQLText.comment(f.name) + " and is left out")
        }

        var items: [String] = []
        var columnComments: [(String, String)] = []
        for (i, f) in e.fields.enumerated() {
            guard let col = t.columns[i] else { continue }
            let type = FieldType(f.type)
            var def = SQLText.identifier(col) + " " + Self.columnType(type)
            if !f.nullable { def += " NOT NULL" }
            if f.unique && !f.primaryKey { def += " UNIQUE" }
            if case .enumeration(let values) = type, !values.isEmpty {
                def += " CHECK (" + SQLText.identifier(col) + " IN (" + values.map(SQLText.literal).joined(separator: ", ") + "))"
            }
            items.append(def)
            var comment: [String] = []
            switch type {
            case .named, .unspecified, .list(.named), .map:
                let declared = SQLText.comment(f.type)
                if !declared.isEmpty { comment.append("declared type: " + declared) }
            default: break
            }
            let notes = SQLText.comment(f.notes)
            if !notes.isEmpty { comment.append(notes) }
            if !comment.isEmpty { columnComments.append((col, comment.joined(separator: " · "))) }
        }
        let pk = e.fields.indices.filter { e.fields[$0].primaryKey }.compactMap { t.columns[$0] }
        if !pk.isEmpty { items.append("PRIMARY KEY (" + pk.map(SQLText.identifier).joined(separator: ", ") + ")") }
        if items.isEmpty {
            line("CREATE TABLE \(table) ();")
        } else {
            line("CREATE TABLE \(table) (")
            line(items.map { "    " + $0 }.joined(separator: ",\n"))
            line(");")
        }

        // Indexes: the composite ones, then single indexed fields nothing covers yet.
        var columnOf: [String: String] = [:]
        for (i, f) in e.fields.enumerated() { if let c = t.columns[i], columnOf[f.name] == nil { columnOf[f.name] = c } }
        var leading = Set<String>()
        if let first = pk.first { leading.insert(first) }
        for (i, f) in e.fields.enumerated() where f.unique && !f.primaryKey { if let c = t.columns[i] { leading.insert(c) } }
        var indexComments: [(String, String)] = []
        for x in e.indexes {
            let cols = x.fields.map { columnOf[$0] }
            guard !cols.isEmpty, cols.allSatisfy({ $0 != nil }) else {
                line("-- index " + SQLText.comment(x.name.isEmpty ? x.fields.joined(separator: ", ") : x.name)
                     + " names fields the entity does not have; left out")
                continue
            }
            let names = cols.map { $0! }
            let name = relations.claim(x.name.isEmpty ? ([t.name] + names + ["idx"]).joined(separator: "_") : x.name)
            line("CREATE " + (x.unique ? "UNIQUE " : "") + "INDEX " + SQLText.identifier(name) + " ON " + table
                 + " (" + names.map(SQLText.identifier).joined(separator: ", ") + ");")
            leading.insert(names[0])
            let q = SQLText.comment(x.query)
            if !q.isEmpty { indexComments.append((name, "Serves: " + q)) }
        }
        for (i, f) in e.fields.enumerated() where f.indexed {
            guard let c = t.columns[i], leading.insert(c).inserted else { continue }
            let name = relations.claim(t.name + "_" + c + "_idx")
            line("CREATE INDEX " + SQLText.identifier(name) + " ON " + table + " (" + SQLText.identifier(c) + ");")
        }

        var about = [SQLText.comment(e.id.rawValue)]
        let notes = SQLText.comment(e.notes)
        if !notes.isEmpty { about.append(notes) }
        let partition = SQLText.comment(e.partitionKey)
        if !partition.isEmpty { about.append("partition key: " + partition) }
        let retention = SQLText.comment(e.retention)
        if !retention.isEmpty { about.append("retention: " + retention) }
        let patterns = e.accessPatterns.map { a -> String in
            let q = SQLText.comment(a.query), i = SQLText.comment(a.index)
            return i.isEmpty ? q : "\(q) (\(i))"
        }.filter { !$0.isEmpty }
        if !patterns.isEmpty { about.append("access patterns: " + patterns.joined(separator: "; ")) }
        line("COMMENT ON TABLE \(table) IS " + SQLText.literal(about.joined(separator: " · ")) + ";")
        for (col, text) in columnComments {
            line("COMMENT ON COLUMN \(table).\(SQLText.identifier(col)) IS " + SQLText.literal(text) + ";")
        }
        for (name, text) in indexComments {
            line("COMMENT ON INDEX \(SQLText.identifier(name)) IS " + SQLText.literal(text) + ";")
        }
    }

    mutating func writeForeignKeys(_ tables: [Table], _ tableIndex: [ItemID<Entity>: Int]) {
        var lines: [String] = []
        for t in tables {
            for (i, f) in t.entity.fields.enumerated() {
                guard let ref = f.references, let col = t.columns[i] else { continue }
                let what = SQLText.comment(t.entity.id.rawValue) + "." + SQLText.comment(f.name) + " references "
                    + SQLText.comment(ref.entity.rawValue) + "." + SQLText.comment(ref.field)
                guard let j = tableIndex[ref.entity] else {
                    lines.append("-- " + what + ": no foreign key (that entity has no table here)")
                    continue
                }
                let target = tables[j]
                guard target.entity.store == t.entity.store else {
                    lines.append("-- " + what + ": no foreign key (the tables are in different stores)")
                    continue
                }
                guard let k = target.entity.fields.firstIndex(where: { $0.name == ref.field }), let targetCol = target.columns[k] else {
                    lines.append("-- " + what + ": no foreign key (no such field)")
                    continue
                }
                let tf = target.entity.fields[k]
                let soleKey = tf.primaryKey && target.entity.fields.filter(\.primaryKey).count == 1
                guard tf.unique || soleKey else {
                    lines.append("-- " + what + ": no foreign key (the referenced field is not unique)")
                    continue
                }
                lines.append("ALTER TABLE " + SQLText.identifier(t.name) + " ADD FOREIGN KEY (" + SQLText.identifier(col)
                             + ") REFERENCES " + SQLText.identifier(target.name) + " (" + SQLText.identifier(targetCol) + ");")
            }
        }
        guard !lines.isEmpty else { return }
        line()
        line("-- Foreign keys")
        for l in lines { line(l) }
    }

    mutating func writeElsewhere(_ e: Entity, _ reason: String) {
        var head = "-- " + SQLText.comment(e.id.rawValue) + ": " + SQLText.comment(e.name) + " (" + e.kind.label.lowercased()
        if let s = e.store, let c = design.components[id: s] {
            let name = SQLText.comment(c.name), tech = SQLText.comment(c.technology)
            head += ", in " + (name.isEmpty ? SQLText.comment(s.rawValue) : name) + (tech.isEmpty ? "" : ", " + tech)
        }
        line(head + ")")
        line("--   no table: " + SQLText.comment(reason))
        for f in e.fields {
            var d = "--   " + SQLText.comment(f.name) + " " + SQLText.comment(f.type)
            var flags: [String] = []
            if f.primaryKey { flags.append("primary key") }
            if f.unique { flags.append("unique") }
            if f.indexed { flags.append("indexed") }
            if f.nullable { flags.append("nullable") }
            if let r = f.references { flags.append("references " + SQLText.comment(r.entity.rawValue) + "." + SQLText.comment(r.field)) }
            if !flags.isEmpty { d += " (" + flags.joined(separator: ", ") + ")" }
            line(d)
        }
        for x in e.indexes {
            line("--   index " + SQLText.comment(x.name) + " (" + x.fields.map(SQLText.comment).joined(separator: ", ") + ")"
                 + (x.query.isEmpty ? "" : ": " + SQLText.comment(x.query)))
        }
    }

    // MARK: types

    static func columnType(_ type: FieldType) -> String {
        switch type {
        case .string(let max):
            if let max, max > 0, max <= 10_485_760 { return "varchar(\(max))" }
            return "text"
        case .enumeration, .uri, .email, .named, .unspecified: return "text"
        case .uuid: return "uuid"
        case .date: return "date"
        case .dateTime: return "timestamptz"
        case .time: return "time"
        case .int32: return "integer"
        case .int64: return "bigint"
        case .serial(let big): return (big ? "bigint" : "integer") + " GENERATED BY DEFAULT AS IDENTITY"
        case .number: return "double precision"
        case .decimal(let p, let s):
            guard let p, (1...1000).contains(p) else { return "numeric" }
            if let s, (0...p).contains(s) { return "numeric(\(p), \(s))" }
            return "numeric(\(p))"
        case .boolean: return "boolean"
        case .bytes: return "bytea"
        case .object, .map: return "jsonb"
        case .list(let element):
            switch element {
            case .list, .map, .object, .serial, .named, .unspecified: return "jsonb"
            default: return columnType(element) + "[]"
            }
        }
    }
}
