import DesignModel
import Foundation
import Testing
@testable import DesignImport

private func imported(_ text: String, _ format: ImportFormat) throws -> ImportResult {
    try DesignImporter.importDesign(text, format: format, now: Date(timeIntervalSince1970: 0))
}

/// The 1-based line of the first line containing `needle`.
private func line(_ needle: String, in text: String) -> Int {
    (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -2) + 1
}

private func names(_ d: Design) -> [String: Component] {
    Dictionary(d.components.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
}

private func flow(_ d: Design, _ from: String, _ to: String) -> Flow? {
    let n = names(d)
    guard let a = n[from]?.id, let b = n[to]?.id else { return nil }
    return d.flows.first { $0.from == a && $0.to == b }
}

@Suite struct MermaidImportTests {
    @Test func checkoutFlowchart() throws {
        let r = try imported(Samples.mermaidCheckout, .mermaid)
        let d = r.design
        #expect(d.errors.isEmpty)
        #expect(d.title == "Checkout flow")
        let n = names(d)
        #expect(d.components.map(\.name) == ["Shopper", "CloudFront", "ALB", "Checkout API", "Redis", "Orders DB",
                                             "Orders queue", "Fulfilment worker", "Stripe", "Websocket hub"])
        #expect(n["Shopper"]?.kind == .client)
        #expect(n["CloudFront"]?.kind == .cdn)
        #expect(n["ALB"]?.kind == .loadBalancer)
        #expect(n["Checkout API"]?.kind == .service)
        #expect(n["Redis"]?.kind == .cache)             // a cylinder, and the word says cache
        #expect(n["Orders DB"]?.kind == .database)
        #expect(n["Orders queue"]?.kind == .queue)
        #expect(n["Fulfilment worker"]?.kind == .worker)
        #expect(n["Stripe"]?.kind == .external)
        #expect(flow(d, "Shopper", "CloudFront")?.label == "HTTPS")
        #expect(flow(d, "Checkout API", "Redis")?.label == "reads")
        #expect(flow(d, "Checkout API", "Orders queue")?.mode == .async)
        #expect(flow(d, "Checkout API", "Orders queue")?.label == "order placed")
        #expect(flow(d, "Orders queue", "Fulfilment worker")?.mode == .async)
        #expect(flow(d, "Fulfilment worker", "Stripe") != nil && flow(d, "Checkout API", "Stripe") != nil)
        #expect(flow(d, "Checkout API", "Websocket hub")?.direction == .twoWay)
        #expect(flow(d, "Websocket hub", "Shopper")?.direction == .twoWay)
        #expect(d.flows.count == 11)
        // Subgraphs: kept in the notes until designs have groups.
        #expect(n["Checkout API"]?.notes == "Group: Backend services")
        #expect(n["Redis"]?.notes == "Group: Backend services / data")
        #expect(n["Shopper"]?.notes == "")
        // What was left out, by line.
        let notes = r.messages.filter { $0.severity == .note }
        for (word, needle) in [("comments", "%% Drawn"), ("classDef", "classDef hot"), ("class", "class api"),
                               ("style", "style db"), ("click", "click api"), ("linkStyle", "linkStyle 0")] {
            let n = line(needle, in: Samples.mermaidCheckout)
            #expect(notes.contains { $0.line == n && $0.text.contains(word) }, "\(word) on line \(n)")
        }
        #expect(r.messages.filter { $0.severity == .warning }.isEmpty)
    }

    @Test func topDownGraphWithTextLabelsAndThickArrows() throws {
        let d = try imported(Samples.mermaidTopDown, .mermaid).design
        let n = names(d)
        #expect(n["Load Balancer"]?.kind == .loadBalancer)
        #expect(n["S3 bucket"]?.kind == .objectStorage)
        #expect(n["PostgreSQL"]?.kind == .database)
        #expect(n["Kafka"]?.kind == .queue)
        #expect(n["Email worker"]?.kind == .worker)
        #expect(flow(d, "Route?", "API Server")?.label == "/api")
        #expect(flow(d, "API Server", "PostgreSQL")?.mode == .sync)
        let async = try #require(flow(d, "API Server", "Kafka"))
        #expect(async.mode == .async && async.label == "async")
    }

    @Test func otherDiagramTypesAreRefusedWithTheLine() {
        #expect(throws: ImportError.self) { try imported("sequenceDiagram\n  A->>B: hi\n", .mermaid) }
        do { _ = try imported("\n\nsequenceDiagram\n", .mermaid) } catch let error as ImportError {
            #expect(error.line == 3 && error.message.contains("sequenceDiagram"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: ImportError.self) { try imported("", .mermaid) }
    }

    @Test func unreadableStatementsAreWarningsWithLineNumbers() throws {
        let r = try imported("graph LR\nA --> B\nA -- > ??? \nsubgraph x\nB --> C\n", .mermaid)
        #expect(r.design.components.map(\.name) == ["A", "B", "C"])
        #expect(r.messages.contains { $0.severity == .warning && $0.line == 3 })
        #expect(r.messages.contains { $0.severity == .warning && $0.line == 4 && $0.text.contains("end") })
    }

    @Test func arrowsIntoSubgraphsAreLeftOutWithAWarning() throws {
        let r = try imported("flowchart TB\nsubgraph Edge\n  a[CDN]\nend\nuser --> Edge\nuser --> a\n", .mermaid)
        #expect(r.design.components.map(\.name) == ["CDN", "user"])
        #expect(r.design.flows.count == 1)
        #expect(r.messages.contains { $0.severity == .warning && $0.line == 5 && $0.text.contains("group") })
    }

    @Test func entitiesAndMarkdownStringsAreDecoded() throws {
        let d = try imported(#"graph LR; A["a #quot;b#quot; #35;1 #amp; c"] --> B["`**bold**`"]; B -->|"x #124; y"| A"#, .mermaid).design
        #expect(d.components.map(\.name) == ["a \"b\" #1 & c", "**bold**"])
        #expect(d.flows.last?.label == "x | y")
    }
}

@Suite struct StructurizrImportTests {
    @Test func bigBankModel() throws {
        let r = try imported(Samples.structurizrBank, .structurizr)
        let d = r.design
        #expect(d.errors.isEmpty)
        #expect(d.title == "Big Bank plc")
        let n = names(d)
        #expect(n["Personal Banking Customer"]?.kind == .client)
        #expect(n["Customer Service Staff"]?.kind == .client)
        #expect(n["Mainframe Banking System"]?.kind == .external)
        #expect(n["Single-Page Application"]?.kind == .app)
        #expect(n["Database"]?.kind == .database)
        #expect(n["Sign In Controller"]?.technology == "Spring MVC Rest Controller")
        #expect(n["Sign In Controller"]?.responsibility == "Allows users to sign in.")
        // Elements that hold elements are groups, not components.
        #expect(n["Internet Banking System"] == nil && n["API Application"] == nil)
        #expect(n["Sign In Controller"]?.notes == "Group: Big Bank plc / Internet Banking System / API Application")
        #expect(n["Personal Banking Customer"]?.notes == "")
        let api = try #require(flow(d, "Single-Page Application", "Sign In Controller"))
        #expect(api.label == "Makes API calls to" && api.protocol == .http)
        #expect(flow(d, "Security Component", "Database")?.protocol == .sql)
        let mail = try #require(flow(d, "E-mail System", "Personal Banking Customer"))
        #expect(mail.mode == .async && mail.protocol == .other && mail.protocolName == "SMTP")
        #expect(api.protocolName == "JSON/HTTPS")
        let uses = line("customer -> internetBankingSystem \"Uses\"", in: Samples.structurizrBank)
        #expect(r.messages.contains { $0.severity == .warning && $0.line == uses && $0.text.contains("group") })
        #expect(r.messages.contains { $0.severity == .note && $0.text.contains("views") && $0.line == line("views {", in: Samples.structurizrBank) })
        #expect(r.messages.contains { $0.severity == .note && $0.text.contains("deploymentEnvironment") })
    }

    @Test func implicitSourcesAndFlatIdentifiers() throws {
        let d = try imported(Samples.structurizrFlat, .structurizr).design
        let n = names(d)
        #expect(n["Trips DB"]?.kind == .database)
        #expect(n["Trip events"]?.kind == .queue)
        #expect(n["Maps provider"]?.kind == .external)
        #expect(n["Rider app"]?.kind == .app)
        #expect(flow(d, "Trips API", "Trips DB")?.protocol == .sql)
        let events = try #require(flow(d, "Trips API", "Trip events"))
        #expect(events.protocol == .pubsub && events.mode == .async)
        #expect(flow(d, "User", "Rider app")?.label == "Requests a ride")
    }
}

@Suite struct D2ImportTests {
    @Test func photosDiagram() throws {
        let r = try imported(Samples.d2Photos, .d2)
        let d = r.design
        #expect(d.errors.isEmpty)
        let n = names(d)
        #expect(Set(n.keys) == ["Users", "CloudFront CDN", "Load balancer", "Upload API", "Photos", "Thumbnailer", "Jobs", "db"])
        #expect(n["Users"]?.kind == .client)
        #expect(n["Photos"]?.kind == .database)
        #expect(n["Jobs"]?.kind == .queue)
        #expect(n["db"]?.kind == .database)
        #expect(n["Upload API"]?.notes == "Group: AWS")
        #expect(flow(d, "Users", "CloudFront CDN")?.label == "HTTPS")
        #expect(flow(d, "CloudFront CDN", "Load balancer")?.label == "HTTPS")
        #expect(d.flows.contains { $0.label == "pull: jobs" && $0.from == names(d)["Jobs"]?.id && $0.to == names(d)["Thumbnailer"]?.id })
        #expect(flow(d, "Upload API", "db")?.direction == .twoWay)   // to a table's field: to the table
        #expect(r.messages.contains { $0.severity == .warning && $0.line == line("aws.api -- aws", in: Samples.d2Photos) && $0.text.contains("group") })
        #expect(r.messages.contains { $0.severity == .warning && $0.line == line("layers:", in: Samples.d2Photos) && $0.text.contains("layers") })
        #expect(r.messages.contains { $0.severity == .note && $0.text.contains("style") })
    }

    @Test func quotedKeysAndShapesSetLater() throws {
        let d = try imported(Samples.d2Plain, .d2).design
        let n = names(d)
        #expect(n["redis"]?.kind == .cache)
        #expect(n["orders db"]?.kind == .database)
        #expect(n["Billing service"]?.kind == .service)
        #expect(flow(d, "api", "orders db")?.label == "SQL")
    }
}
