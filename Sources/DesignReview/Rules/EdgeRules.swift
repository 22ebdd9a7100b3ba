import DesignModel

/// Rules on how clients enter the design: straight into a store, past no load balancer or
/// gateway, or with no authentication on the way.
enum EdgeRules {
    static let rules: [ReviewRule] = [
        ReviewRule("flow.client-to-store", .error, .highLevelDesign,
                   summary: "A client or app that talks straight to a database, cache, queue or search index.",
                   hint: "Put a service in between that owns the data, checks who is asking and validates what is written.",
                   run: clientToStore),
        ReviewRule("component.entry-without-load-balancer", .warning, .scalability,
                   summary: "A service that clients reach directly (or through DNS and a CDN only), with no load balancer or API gateway in front.",
                   hint: "Put a load balancer or an API gateway in front: it spreads the load, checks health and lets instances come and go.",
                   run: entryWithoutBalancer),
        ReviewRule("path.no-authentication", .warning, .security,
                   summary: "Requests from a client reach a service with no authentication on the way: no gateway, auth component, authenticated endpoint or stated authentication.",
                   hint: "Authenticate at a gateway or in the service (say so in its endpoints' auth or its description), or mark its endpoints public by design.",
                   run: noAuthentication),
    ]

    static func clientToStore(_ c: ReviewContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        for (fi, f) in c.design.flows.enumerated() {
            let a = c.from[fi], b = c.to[fi]
            guard a >= 0, b >= 0, a != b else { continue }
            let (client, store): (Int, Int)
            if c.isClient(a) && ReviewContext.privateStoreKinds.contains(c.kinds[b]) {
                (client, store) = (a, b)
            } else if c.isClient(b) && ReviewContext.privateStoreKinds.contains(c.kinds[a]) {
                (client, store) = (b, a)
            } else { continue }
            hits.append(RuleHit([f.id.rawValue, c.design.components[client].id.rawValue, c.design.components[store].id.rawValue],
                                "\(c.kinds[client].label) \(c.component(client)) talks straight to \(c.kindAndComponent(store)) (\(f.id))."))
        }
        return hits
    }

    /// Kinds that pass a client's request on without being where it is served, before any
    /// balancing happens.
    static let transparentKinds: Set<Component.Kind> = [.dns, .cdn]
    /// Kinds that serve requests themselves and should not face clients alone.
    static let servingKinds: Set<Component.Kind> = [.service, .worker, .other]

    /// For every client: the components it reaches through components of the `passing` kinds
    /// only, with the flow that arrives at each (walked once per client; only passing components
    /// are expanded, and with `stopAtAuthentication` not those that authenticate).
    static func directlyReached(_ c: ReviewContext, through passing: Set<Component.Kind>,
                                stopAtAuthentication: Bool = false) -> [Int: [(client: Int, flow: Int)]] {
        var out: [Int: [(client: Int, flow: Int)]] = [:]
        for client in 0..<c.componentCount where c.isClient(client) && c.index[c.design.components[client].id] == client {
            var stack = [client], seen: Set<Int> = [client]
            while let node = stack.popLast() {
                for (fi, next) in c.neighbours(node) where seen.insert(next).inserted {
                    if passing.contains(c.kinds[next]) && !(stopAtAuthentication && isAuthenticating(c, next)) {
                        stack.append(next)
                    } else {
                        out[next, default: []].append((client, fi))
                    }
                }
            }
        }
        return out
    }

    static func entryWithoutBalancer(_ c: ReviewContext) -> [RuleHit] {
        let reached = directlyReached(c, through: transparentKinds)
        return reached.keys.sorted().compactMap { x in
            guard servingKinds.contains(c.kinds[x]) else { return nil }
            let clients = uniqueClients(reached[x]!)
            return RuleHit([c.design.components[x].id.rawValue] + clients.map { c.design.components[$0].id.rawValue },
                           "\(c.kinds[x].label) \(c.component(x)) takes requests from "
                           + clients.map { "client " + c.component($0) }.joined(separator: ", ")
                           + " with no load balancer or API gateway in front.")
        }
    }

    static func uniqueClients(_ list: [(client: Int, flow: Int)]) -> [Int] {
        var seen = Set<Int>()
        return list.map(\.client).filter { seen.insert($0).inserted }
    }

    // MARK: authentication

    static let authWords: Set<String> = [
        "auth", "authn", "authz", "authenticate", "authenticates", "authenticated", "authentication", "authenticating",
        "authorize", "authorizes", "authorized", "authorization", "authorise", "authorises", "authorised", "authorisation",
        "oauth", "oauth2", "oidc", "openid", "jwt", "jwts", "mtls", "sso", "saml", "login", "logins", "presigned",
        "bearer", "cognito", "keycloak", "auth0", "okta", "apikey", "apikeys",
    ]
    static let authPhrases: [[String]] = [["api", "key"], ["api", "keys"], ["sign", "in"], ["signed", "in"],
                                          ["log", "in"], ["signed", "url"], ["signed", "urls"], ["signed", "cookies"],
                                          ["mutual", "tls"], ["session", "token"], ["session", "tokens"],
                                          ["access", "token"], ["access", "tokens"]]

    /// A component that checks who is calling, or says on purpose that it does not need to: an
    /// API gateway or auth component, one that calls an auth component, one serving an endpoint
    /// whose auth is set (including public by design), or one whose description says it
    /// authenticates.
    static func isAuthenticating(_ c: ReviewContext, _ i: Int) -> Bool {
        let kind = c.kinds[i]
        if kind == .apiGateway || kind == .auth { return true }
        for fi in c.outgoing[i] where c.to[fi] >= 0 && c.kinds[c.to[fi]] == .auth { return true }
        for fi in c.incoming[i] where c.from[fi] >= 0 && c.kinds[c.from[fi]] == .auth { return true }
        let id = c.design.components[i].id
        if c.design.endpoints.contains(where: { $0.component == id && $0.auth != .none }) { return true }
        let comp = c.design.components[i]
        return TextScan.mentions([comp.name, comp.responsibility, comp.technology, comp.notes], words: authWords, phrases: authPhrases)
    }

    /// Components where a client's request is served that it reaches through DNS, CDNs and load
    /// balancers only (a gateway is where authentication usually happens, so it ends the walk).
    static func noAuthentication(_ c: ReviewContext) -> [RuleHit] {
        let reached = directlyReached(c, through: [.dns, .cdn, .loadBalancer], stopAtAuthentication: true)
        return reached.keys.sorted().compactMap { x in
            guard servingKinds.contains(c.kinds[x]), !isAuthenticating(c, x) else { return nil }
            let clients = uniqueClients(reached[x]!)
            return RuleHit([c.design.components[x].id.rawValue] + clients.map { c.design.components[$0].id.rawValue },
                           "Requests from " + clients.map { "client " + c.component($0) }.joined(separator: ", ")
                           + " reach \(c.kinds[x].label.lowercased()) \(c.component(x)) with no authentication on the way.")
        }
    }
}
