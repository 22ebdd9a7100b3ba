import DesignModel
import Foundation

/// A small but complete design used across the model tests.
func sampleDesign() throws -> Design {
    var d = Design(title: "Sample", problem: "A thing to design", now: Date(timeIntervalSince1970: 1_790_000_000.75))
    d.addRequirement(.functional, "Shorten a URL")
    d.addRequirement(.nonFunctional, "p99 redirect under 50 ms", priority: .should, category: .latency)
    let client = d.addComponent(name: "Client", kind: .client)
    let api = d.addComponent(name: "API", kind: .service, responsibility: "serves", technology: "Swift")
    let db = d.addComponent(name: "DB ✓ 漢字", kind: .database)
    try d.addFlow(from: client, to: api, label: "long URL")
    try d.addFlow(from: api, to: db, label: "row", protocol: .sql, direction: .twoWay)
    try d.addFlow(from: api, to: db, label: "audit", mode: .async)
    d.addTradeOff(title: "SQL or NoSQL", stage: .dataStorage,
                  options: [("SQL", ["joins"], ["scaling"]), ("NoSQL", ["scale"], ["no joins"])],
                  chosenIndex: 1, rationale: "volume", status: .accepted)
    d.updateStage(.requirements) { $0.setDone("requirements.functional", true); $0.notes = "notes\nwith\u{1b}[31m escape" }
    d.addCustomItem("Ask about analytics", to: .requirements)
    return d
}

func fixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try Data(contentsOf: url)
}

func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
