import Foundation

extension InterviewRecord {
    /// One stamped moment of an interview: a change to the design, a phase entered, a fact asked
    /// of the interviewer, the curveball. `at` is interview time (paused and suspended time
    /// excluded), in whole seconds from the start.
    public struct Activity: Codable, Equatable, Sendable {
        public enum Change: String, Codable, CaseIterable, Sendable {
            /// An item appeared in one of the design's lists (or a checklist item, stage notes).
            case added
            case changed
            case removed
            /// The clock started.
            case started
            /// A phase was entered (`id` is its key).
            case phase
            /// A fact was asked of the interviewer (`id` is its topic).
            case asked
            /// The interviewer's curveball was given (`id` is its id).
            case curveball
            case finished
        }

        /// Interview seconds since the start.
        public var at: Int
        /// Key of the phase in progress at that moment.
        public var phase: String
        public var change: Change
        /// The design list the item lives in (`requirements`, `components`, `stages`, …);
        /// `interviewer` for asked facts and the curveball; empty for clock entries.
        public var list: String
        /// The item's id, the stage key, the fact topic or the phase key.
        public var id: String
        /// A short description: the item's name or text as it was then.
        public var text: String
        /// What the change counts as for the coaching checks (`non-functional`, `estimate`,
        /// `failure-handling`, `trade-off`, `component`).
        public var tags: [String]

        public init(at: Int, phase: String, change: Change, list: String = "", id: String = "",
                    text: String = "", tags: [String] = []) {
            self.at = at
            self.phase = phase
            self.change = change
            self.list = list
            self.id = id
            self.text = text
            self.tags = tags
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            at = try c.decode(Int.self, forKey: .at)
            phase = try c.decodeIfPresent(String.self, forKey: .phase) ?? ""
            change = try c.decode(Change.self, forKey: .change)
            list = try c.decodeIfPresent(String.self, forKey: .list) ?? ""
            id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
            text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
            tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        }
    }

    /// The interviewer's surprise for this session, chosen from the problem with the session's
    /// seed when it started: what is said, when, and the words that count as addressing it.
    public struct Curveball: Codable, Equatable, Sendable {
        public var id: String
        public var text: String
        /// Match groups (see `KeywordMatcher` in the Interview module): a design change after the
        /// curveball that matches every group addresses it.
        public var match: [String]
        /// Key of the phase it is planned in, and how far into that phase.
        public var phase: String
        public var afterSeconds: Int
        /// Interview time it was given; nil until then.
        public var shownAt: Int?

        public init(id: String, text: String, match: [String], phase: String, afterSeconds: Int, shownAt: Int? = nil) {
            self.id = id
            self.text = text
            self.match = match
            self.phase = phase
            self.afterSeconds = afterSeconds
            self.shownAt = shownAt
        }
    }

    /// One key point of the problem as checked against the design when the interview finished.
    public struct KeyPointResult: Codable, Equatable, Sendable {
        public var id: String
        /// component, decision, risk or number.
        public var kind: String
        public var text: String
        public var covered: Bool
        /// Where it was found (`comp-3 Link cache`, `stage notes: requirements`); empty when missed.
        public var evidence: String

        public init(id: String, kind: String, text: String, covered: Bool, evidence: String = "") {
            self.id = id
            self.kind = kind
            self.text = text
            self.covered = covered
            self.evidence = evidence
        }
    }
}
