import DesignModel
import Testing

/// The one-line caption the diagram exports write for a flow reads back as the same label,
/// protocol and protocol name, also when the label or the name look like a protocol part.
@Suite struct FlowCaptionTests {
    static let labels = ["", "short link", "new link (conditional put)", "(z)", "HTTP/REST", "Other", "a, Pub/sub",
                         "x (Kafka, SQL)", "((nested))", "ends with ,", "gRPC (Other)"]
    static let names = ["", "Kafka", "(z)", "HTTP/REST", "Other", "RESP, SQL", "a (b)", "JSON over HTTPS", "Pub/sub, Other"]

    @Test func everyCombinationReadsBack() {
        for label in Self.labels {
            for p in Flow.Protocol_.allCases {
                for name in Self.names {
                    let caption = FlowCaption.caption(label: label, protocol: p, name: name)
                    let back = FlowCaption.parse(caption) ?? (caption, .other, "")
                    #expect(back.label == label && back.protocol == p && back.name == name,
                            "\(label) / \(p) / \(name) → \(caption) → \(back)")
                }
            }
        }
    }

    @Test func captionsReadAsDocumented() {
        #expect(FlowCaption.caption(label: "short link", protocol: .other, name: "") == "short link")
        #expect(FlowCaption.caption(label: "short link", protocol: .http, name: "") == "short link (HTTP/REST)")
        #expect(FlowCaption.caption(label: "click events", protocol: .other, name: "Kafka") == "click events (Kafka)")
        #expect(FlowCaption.caption(label: "click events", protocol: .pubsub, name: "Kafka") == "click events (Kafka, Pub/sub)")
        #expect(FlowCaption.caption(label: "", protocol: .other, name: "RESP") == "(RESP)")
        #expect(FlowCaption.caption(label: "", protocol: .grpc, name: "") == "gRPC")
        // A label that would read as a protocol part gets the list's "Other".
        #expect(FlowCaption.caption(label: "put (if absent)", protocol: .other, name: "") == "put (if absent) (Other)")
    }
}
