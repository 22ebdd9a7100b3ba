/// An API endpoint: an HTTP operation, an RPC, a WebSocket or an event topic that a component
/// serves, with its contract (request, response, errors) and its limits (auth, pagination,
/// rate limit, idempotency).
public struct Endpoint: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "api"

    /// HTTP methods, plus the non-HTTP kinds of interface a design exposes.
    public enum Method: String, Codable, CaseIterable, Sendable {
        case get, post, put, patch, delete
        case grpc, websocket
        /// A message published to a topic or stream; `path` is the topic's name.
        case event
    }

    public enum Auth: String, Codable, CaseIterable, Sendable {
        /// No authentication (not decided, or missing: the checks ask about it on a public endpoint).
        case none
        /// Open to anyone on purpose (a redirect, a health check, public content).
        case publicByDesign = "public"
        case apiKey = "api-key"
        case session, jwt, oauth2, mtls

        /// Whether callers prove who they are.
        public var authenticates: Bool { self != .none && self != .publicByDesign }
    }

    public enum Pagination: String, Codable, CaseIterable, Sendable {
        case none, cursor, offset, page
    }

    public enum Idempotency: String, Codable, CaseIterable, Sendable {
        case none
        /// The client sends a key (an `Idempotency-Key` header) and retries replay the first answer.
        case key = "idempotency-key"
        /// The operation is idempotent by itself (a PUT of a whole resource, a DELETE).
        case natural
    }

    /// One field of a request or response.
    public struct Field: Codable, Equatable, Sendable {
        /// Where a request field travels. Response fields use `body` or `header`.
        public enum Location: String, Codable, CaseIterable, Sendable {
            case body, query, path, header
        }

        public var name: String
        /// The type as written: `string`, `int`, `datetime`, `[Link]`, `map<date,int>`, an entity's name.
        public var type: String
        public var location: Location
        public var required: Bool
        public var notes: String

        public init(name: String, type: String = "string", location: Location = .body, required: Bool = false,
                    notes: String = "") {
            self.name = name
            self.type = type
            self.location = location
            self.required = required
            self.notes = notes
        }
    }

    /// A failure the endpoint answers with: an HTTP status (`409`, `4XX`) or a symbolic code
    /// (`ALREADY_EXISTS`), and what it means for the caller.
    public struct ErrorResponse: Codable, Equatable, Sendable {
        public var code: String
        public var meaning: String

        public init(code: String, meaning: String = "") {
            self.code = code
            self.meaning = meaning
        }
    }

    public var id: ItemID<Endpoint>
    public var method: Method
    /// The HTTP path (`/api/v1/links/{code}`), the RPC name (`KeyService/LeaseBlock`) or the topic.
    public var path: String
    /// The component that serves it (for an event: the one that publishes it).
    public var component: ItemID<Component>?
    public var summary: String
    /// What the caller sends; for an event, the message's fields.
    public var request: [Field]
    public var response: [Field]
    /// The HTTP status of a successful answer (200, 201, 204, 302); 0 when not said.
    public var successStatus: Int
    public var errors: [ErrorResponse]
    public var auth: Auth
    public var pagination: Pagination
    /// The largest page a client may ask for; 0 when there is no limit or no pagination.
    public var pageSizeLimit: Int
    /// Names of the filters a list accepts (query parameters for HTTP).
    public var filters: [String]
    /// Names of the keys a list can be sorted by.
    public var sortKeys: [String]
    /// As written: "100/min per key", "10 rps per IP, burst 20". Empty: none.
    public var rateLimit: String
    public var idempotency: Idempotency
    public var requirements: [ItemID<Requirement>]
    public var notes: String

    public init(id: ItemID<Endpoint>, method: Method = .get, path: String = "", component: ItemID<Component>? = nil,
                summary: String = "", request: [Field] = [], response: [Field] = [], successStatus: Int = 0,
                errors: [ErrorResponse] = [], auth: Auth = .none, pagination: Pagination = .none,
                pageSizeLimit: Int = 0, filters: [String] = [], sortKeys: [String] = [], rateLimit: String = "",
                idempotency: Idempotency = .none, requirements: [ItemID<Requirement>] = [], notes: String = "") {
        self.id = id
        self.method = method
        self.path = path
        self.component = component
        self.summary = summary
        self.request = request
        self.response = response
        self.successStatus = successStatus
        self.errors = errors
        self.auth = auth
        self.pagination = pagination
        self.pageSizeLimit = pageSizeLimit
        self.filters = filters
        self.sortKeys = sortKeys
        self.rateLimit = rateLimit
        self.idempotency = idempotency
        self.requirements = requirements
        self.notes = notes
    }
}

extension Endpoint.Method {
    /// GET, POST, PUT, PATCH and DELETE: the methods that go into an OpenAPI document.
    public var isHTTP: Bool {
        switch self {
        case .get, .post, .put, .patch, .delete: true
        case .grpc, .websocket, .event: false
        }
    }

    /// POST, PUT, PATCH and DELETE: HTTP methods that change state.
    public var isMutating: Bool {
        switch self {
        case .post, .put, .patch, .delete: true
        default: false
        }
    }

    /// Request/response interfaces a client calls (everything but events).
    public var isCalled: Bool { self != .event }
}

// Lenient decoding (see LowLevelDecoding.swift); here because it needs the synthesized keys.
extension Endpoint {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(ItemID<Endpoint>.self, forKey: .id),
                  method: try c.decode(Method.self, forKey: .method),
                  path: try c.value(.path, or: ""),
                  component: try c.decodeIfPresent(ItemID<Component>.self, forKey: .component),
                  summary: try c.value(.summary, or: ""),
                  request: try c.value(.request, or: []),
                  response: try c.value(.response, or: []),
                  successStatus: try c.value(.successStatus, or: 0),
                  errors: try c.value(.errors, or: []),
                  auth: try c.value(.auth, or: .none),
                  pagination: try c.value(.pagination, or: .none),
                  pageSizeLimit: try c.value(.pageSizeLimit, or: 0),
                  filters: try c.value(.filters, or: []),
                  sortKeys: try c.value(.sortKeys, or: []),
                  rateLimit: try c.value(.rateLimit, or: ""),
                  idempotency: try c.value(.idempotency, or: .none),
                  requirements: try c.value(.requirements, or: []),
                  notes: try c.value(.notes, or: ""))
    }
}

extension Endpoint.Field {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), type: try c.value(.type, or: "string"),
                  location: try c.value(.location, or: .body), required: try c.value(.required, or: false),
                  notes: try c.value(.notes, or: ""))
    }
}

extension Endpoint.ErrorResponse {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), meaning: try c.value(.meaning, or: ""))
    }
}
