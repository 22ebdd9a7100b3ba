/// What a sequence diagram shows, independent of the design model: participants (columns),
/// and in order the messages between them and the frames that group messages.
public struct SequenceScript: Equatable, Sendable {
    public struct Participant: Equatable, Sendable {
        public var name: String
        public init(_ name: String) { self.name = name }
    }

    /// How a message is drawn: a call solid, a reply and an async message dashed (an async
    /// message with an open head).
    public enum Arrow: Equatable, Sendable, CaseIterable {
        case call, reply, async
    }

    public struct Message: Equatable, Sendable {
        /// Indices into `participants`; equal for a self-call.
        public var from: Int
        public var to: Int
        public var text: String
        public var arrow: Arrow
        /// Shown under the arrow; empty for none.
        public var note: String

        public init(from: Int, to: Int, text: String, arrow: Arrow = .call, note: String = "") {
            self.from = from
            self.to = to
            self.text = text
            self.arrow = arrow
            self.note = note
        }
    }

    /// One part of a frame: the first opens it (on the frame's top edge), later ones follow a
    /// dashed divider. Drawn as `keyword [condition]`.
    public struct Section: Equatable, Sendable {
        public var keyword: String
        public var condition: String
        public var items: [Item]

        public init(keyword: String, condition: String = "", items: [Item] = []) {
            self.keyword = keyword
            self.condition = condition
            self.items = items
        }
    }

    public struct Frame: Equatable, Sendable {
        public var sections: [Section]
        public init(sections: [Section]) { self.sections = sections }
    }

    public indirect enum Item: Equatable, Sendable {
        case message(Message)
        case frame(Frame)
    }

    public var participants: [Participant]
    public var items: [Item]

    public init(participants: [Participant], items: [Item]) {
        self.participants = participants
        self.items = items
    }

    /// Every message in drawing order (depth first), the order of the step numbers.
    public var messages: [Message] {
        var out: [Message] = []
        func walk(_ items: [Item]) {
            for i in items {
                switch i {
                case .message(let m): out.append(m)
                case .frame(let f): for s in f.sections { walk(s.items) }
                }
            }
        }
        walk(items)
        return out
    }
}
