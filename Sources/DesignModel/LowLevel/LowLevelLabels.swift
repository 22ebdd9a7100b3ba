/// Human words for the endpoint and entity enums (see `Labels.swift` for the others).
extension Endpoint.Method: Labelled {
    public var label: String {
        switch self {
        case .get: "GET"
        case .post: "POST"
        case .put: "PUT"
        case .patch: "PATCH"
        case .delete: "DELETE"
        case .grpc: "gRPC"
        case .websocket: "WebSocket"
        case .event: "Event"
        }
    }
}

extension Endpoint.Auth: Labelled {
    public var label: String {
        switch self {
        case .none: "None"
        case .publicByDesign: "Public"
        case .apiKey: "API key"
        case .session: "Session"
        case .jwt: "JWT"
        case .oauth2: "OAuth2"
        case .mtls: "mTLS"
        }
    }
}

extension Endpoint.Pagination: Labelled {
    public var label: String {
        switch self {
        case .none: "None"
        case .cursor: "Cursor"
        case .offset: "Offset"
        case .page: "Page number"
        }
    }
}

extension Endpoint.Idempotency: Labelled {
    public var label: String {
        switch self {
        case .none: "None"
        case .key: "Idempotency key"
        case .natural: "Natural"
        }
    }
}

extension Endpoint.Field.Location: Labelled {
    public var label: String {
        switch self {
        case .body: "Body"
        case .query: "Query"
        case .path: "Path"
        case .header: "Header"
        }
    }
}

extension Entity.Kind: Labelled {
    public var label: String {
        switch self {
        case .table: "Table"
        case .document: "Document collection"
        case .keyValue: "Key-value"
        case .wideColumn: "Wide-column"
        case .topic: "Topic"
        }
    }
}

extension Entity.Relationship.Cardinality: Labelled {
    public var label: String { rawValue }
}
