/// A data entity: a table, a document collection, a key-value item, a wide-column family or a
/// topic, held by a store component, with its fields, indexes, relationships and the queries it
/// must answer.
public struct Entity: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "ent"

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case table
        case document = "document-collection"
        case keyValue = "key-value"
        case wideColumn = "wide-column"
        case topic
    }

    /// A field that points at a field of another (or the same) entity: a foreign key.
    public struct FieldReference: Codable, Equatable, Hashable, Sendable {
        public var entity: ItemID<Entity>
        public var field: String

        public init(entity: ItemID<Entity>, field: String) {
            self.entity = entity
            self.field = field
        }
    }

    public struct Field: Codable, Equatable, Sendable {
        public var name: String
        /// The type as written: `uuid`, `text`, `varchar(2048)`, `timestamp`, `int`, `json`.
        public var type: String
        public var primaryKey: Bool
        public var nullable: Bool
        public var unique: Bool
        public var indexed: Bool
        public var references: FieldReference?
        public var notes: String

        public init(name: String, type: String = "string", primaryKey: Bool = false, nullable: Bool = false,
                    unique: Bool = false, indexed: Bool = false, references: FieldReference? = nil, notes: String = "") {
            self.name = name
            self.type = type
            self.primaryKey = primaryKey
            self.nullable = nullable
            self.unique = unique
            self.indexed = indexed
            self.references = references
            self.notes = notes
        }
    }

    /// A (usually composite) index and the query it exists for.
    public struct Index: Codable, Equatable, Sendable {
        /// Empty: the exports make one up from the entity and field names.
        public var name: String
        /// Field names, in index order.
        public var fields: [String]
        public var unique: Bool
        /// The query it serves ("a user's links, newest first").
        public var query: String

        public init(name: String = "", fields: [String], unique: Bool = false, query: String = "") {
            self.name = name
            self.fields = fields
            self.unique = unique
            self.query = query
        }
    }

    public struct Relationship: Codable, Equatable, Sendable {
        public enum Cardinality: String, Codable, CaseIterable, Sendable {
            case oneToOne = "1:1"
            case oneToMany = "1:N"
            case manyToMany = "N:M"
        }

        public var cardinality: Cardinality
        /// The entity on the other side (this entity is the "1" of 1:N).
        public var target: ItemID<Entity>
        /// What the relationship means ("owns", "is tagged with").
        public var label: String

        public init(cardinality: Cardinality, target: ItemID<Entity>, label: String = "") {
            self.cardinality = cardinality
            self.target = target
            self.label = label
        }
    }

    /// A query the entity must answer and the index that answers it.
    public struct AccessPattern: Codable, Equatable, Sendable {
        public var query: String
        /// An index's name, a field's name, or "primary key".
        public var index: String

        public init(query: String, index: String = "") {
            self.query = query
            self.index = index
        }
    }

    public var id: ItemID<Entity>
    public var name: String
    /// The store component that holds it (a database, cache, object storage, search index, or a
    /// message queue for a topic).
    public var store: ItemID<Component>?
    public var kind: Kind
    public var fields: [Field]
    public var indexes: [Index]
    public var relationships: [Relationship]
    /// As written: a field name, several, or an expression ("hash(owner_id)").
    public var partitionKey: String
    /// How long data is kept ("13 months", "until expiry + 30 days").
    public var retention: String
    public var accessPatterns: [AccessPattern]
    public var requirements: [ItemID<Requirement>]
    public var notes: String

    public init(id: ItemID<Entity>, name: String, store: ItemID<Component>? = nil, kind: Kind = .table,
                fields: [Field] = [], indexes: [Index] = [], relationships: [Relationship] = [],
                partitionKey: String = "", retention: String = "", accessPatterns: [AccessPattern] = [],
                requirements: [ItemID<Requirement>] = [], notes: String = "") {
        self.id = id
        self.name = name
        self.store = store
        self.kind = kind
        self.fields = fields
        self.indexes = indexes
        self.relationships = relationships
        self.partitionKey = partitionKey
        self.retention = retention
        self.accessPatterns = accessPatterns
        self.requirements = requirements
        self.notes = notes
    }

    /// The first field with this name.
    public func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// Names of the primary-key fields, in field order.
    public var primaryKeyFields: [String] { fields.filter(\.primaryKey).map(\.name) }
}

// Lenient decoding (see LowLevelDecoding.swift); here because it needs the synthesized keys.
extension Entity {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(ItemID<Entity>.self, forKey: .id),
                  name: try c.decode(String.self, forKey: .name),
                  store: try c.decodeIfPresent(ItemID<Component>.self, forKey: .store),
                  kind: try c.value(.kind, or: .table),
                  fields: try c.value(.fields, or: []),
                  indexes: try c.value(.indexes, or: []),
                  relationships: try c.value(.relationships, or: []),
                  partitionKey: try c.value(.partitionKey, or: ""),
                  retention: try c.value(.retention, or: ""),
                  accessPatterns: try c.value(.accessPatterns, or: []),
                  requirements: try c.value(.requirements, or: []),
                  notes: try c.value(.notes, or: ""))
    }
}

extension Entity.Field {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), type: try c.value(.type, or: "string"),
                  primaryKey: try c.value(.primaryKey, or: false), nullable: try c.value(.nullable, or: false),
                  unique: try c.value(.unique, or: false), indexed: try c.value(.indexed, or: false),
                  references: try c.decodeIfPresent(Entity.FieldReference.self, forKey: .references),
                  notes: try c.value(.notes, or: ""))
    }
}

extension Entity.Index {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.value(.name, or: ""), fields: try c.decode([String].self, forKey: .fields),
                  unique: try c.value(.unique, or: false), query: try c.value(.query, or: ""))
    }
}

extension Entity.Relationship {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(cardinality: try c.decode(Cardinality.self, forKey: .cardinality),
                  target: try c.decode(ItemID<Entity>.self, forKey: .target), label: try c.value(.label, or: ""))
    }
}

extension Entity.AccessPattern {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(query: try c.decode(String.self, forKey: .query), index: try c.value(.index, or: ""))
    }
}
