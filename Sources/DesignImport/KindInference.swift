import DesignModel

/// Component kinds from the words people put on boxes: "Redis" is a cache, "Kafka" a queue,
/// "Auth service" auth. Words are matched whole (case-insensitive) in the name, the technology
/// and any tags; the first rule that matches wins, storage and infrastructure before the
/// generic "service", people last — so "User DB" is a database and "User service" a service.
public enum KindInference {
    static let rules: [(Component.Kind, [String])] = [
        (.queue, ["queue", "kafka", "rabbitmq", "sqs", "sns", "pubsub", "pub sub", "kinesis", "nats", "event bus",
                  "eventbridge", "topic", "amqp", "activemq", "pulsar", "message broker", "broker", "stream"]),
        (.cache, ["cache", "redis", "memcache", "memcached", "valkey", "elasticache"]),
        (.searchIndex, ["elasticsearch", "opensearch", "search index", "solr", "algolia", "lucene", "meilisearch"]),
        (.objectStorage, ["s3", "blob", "bucket", "object storage", "object store", "gcs", "minio", "file storage"]),
        (.database, ["database", "db", "postgres", "postgresql", "mysql", "mariadb", "dynamodb", "mongodb", "mongo",
                     "cassandra", "sql", "sqlite", "oracle", "cockroachdb", "spanner", "bigtable", "hbase", "datastore",
                     "data store", "rds", "aurora", "neo4j", "warehouse", "snowflake", "bigquery", "clickhouse"]),
        (.loadBalancer, ["load balancer", "loadbalancer", "lb", "alb", "elb", "nlb", "haproxy", "traefik"]),
        (.apiGateway, ["api gateway", "gateway", "kong", "apigee", "envoy", "ingress"]),
        (.cdn, ["cdn", "cloudfront", "akamai", "fastly", "edge"]),
        (.dns, ["dns", "route 53", "route53"]),
        (.auth, ["auth", "authentication", "authorization", "identity", "keycloak", "oauth", "oidc", "sso", "login",
                 "cognito", "okta", "auth0", "iam"]),
        (.monitoring, ["monitoring", "monitor", "prometheus", "grafana", "datadog", "logging", "logs", "metrics",
                       "alerting", "tracing", "observability", "jaeger", "splunk", "new relic", "sentry"]),
        (.worker, ["worker", "workers", "job", "jobs", "cron", "consumer", "batch", "scheduler", "processor"]),
        (.external, ["external", "third party", "3rd party", "stripe", "twilio", "sendgrid", "partner", "paypal",
                     "existing system"]),
        (.app, ["web app", "webapp", "mobile", "mobile app", "ios", "android", "frontend", "front end", "spa",
                "single page application", "react", "angular", "vue"]),
        (.service, ["service", "services", "server", "api", "backend", "microservice"]),
        (.client, ["user", "users", "client", "clients", "customer", "customers", "browser", "actor", "person",
                   "people", "admin"]),
    ]

    static let storageKinds: Set<Component.Kind> = [.database, .objectStorage, .searchIndex, .cache]

    /// The rules split for lookup: one-word keys in a set per kind, several-word keys as
    /// " a b " patterns to find in the normalised text.
    static let compiled: [(kind: Component.Kind, words: Set<String>, phrases: [String])] = rules.map { kind, keys in
        (kind, Set(keys.filter { !$0.contains(" ") }), keys.filter { $0.contains(" ") }.map { " " + $0 + " " })
    }

    /// Lower-case words of the text (letters and digits; everything else separates them).
    static func words(_ texts: [String]) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for text in texts {
            for s in text.lowercased().unicodeScalars {
                if s.properties.isAlphabetic || ("0"..."9").contains(s) { current.append(s) } else if !current.isEmpty {
                    out.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { out.append(String(current)); current = String.UnicodeScalarView() }
        }
        return out
    }

    /// The first kind whose words appear in `texts`; with `storageOnly`, only storage kinds.
    public static func kind(from texts: [String], storageOnly: Bool = false) -> Component.Kind? {
        let list = words(texts)
        if list.isEmpty { return nil }
        let set = Set(list)
        let joined = " " + list.joined(separator: " ") + " "
        for rule in compiled where !storageOnly || storageKinds.contains(rule.kind) {
            if !rule.words.isDisjoint(with: set) { return rule.kind }
            for p in rule.phrases where joined.contains(p) { return rule.kind }
        }
        return nil
    }

    /// Protocol and mode of a relationship from its technology or label ("JSON/HTTPS", "Kafka").
    public static func flowProtocol(_ text: String) -> (Flow.Protocol_, async: Bool)? {
        let words = " " + Self.words([text]).joined(separator: " ") + " "
        func has(_ ks: [String]) -> Bool { ks.contains { words.contains(" " + $0 + " ") } }
        let async = has(["async", "asynchronous", "kafka", "amqp", "sqs", "sns", "queue", "event", "events", "pubsub", "pub sub"])
        if has(["grpc"]) { return (.grpc, async) }
        if has(["graphql"]) { return (.graphql, async) }
        if has(["websocket", "websockets", "wss", "ws"]) { return (.websocket, async) }
        if has(["kafka", "amqp", "sqs", "sns", "pubsub", "pub sub", "mqtt", "nats", "rabbitmq"]) { return (.pubsub, true) }
        if has(["sql", "jdbc", "odbc", "postgres", "mysql"]) { return (.sql, async) }
        if has(["http", "https", "rest", "json", "xml", "soap"]) { return (.http, async) }
        if has(["tcp"]) { return (.tcp, async) }
        if has(["udp"]) { return (.udp, async) }
        return async ? (.other, true) : nil
    }
}
