import DesignModel

/// Checks a problem's key points against a design: a key point is covered when one design item,
/// one stage's notes or one checklist item of the user's own matches all its groups (see
/// `KeywordMatcher`). The problem statement does not count: it is given, not designed.
public enum KeyPointCheck {
    /// A piece of the design to match, with how to name it as evidence.
    struct Source {
        var evidence: String
        var text: KeywordMatcher.Text
        init(evidence: String, words: [Substring]) {
            self.evidence = evidence
            text = KeywordMatcher.Text(words: words)
        }
    }

    static func sources(_ design: Design) -> [Source] {
        var out = DesignItems.all(in: design).map { item in
            Source(evidence: "\(item.id) \(item.title)", words: KeywordMatcher.words(item.title + " · " + item.text))
        }
        for s in design.stages {
            if !s.notes.isEmpty {
                out.append(Source(evidence: "notes of stage \(s.stage.number)", words: KeywordMatcher.words(s.notes)))
            }
            for c in s.custom {
                out.append(Source(evidence: "\(c.id) \(DesignItems.oneLine(c.text, limit: 40))", words: KeywordMatcher.words(c.text)))
            }
        }
        return out
    }

    public static func check(_ points: [PracticeProblem.KeyPoint], in design: Design) -> [InterviewRecord.KeyPointResult] {
        let sources = sources(design)
        return points.map { p in
            let matcher = KeywordMatcher(p.match)
            let hit = sources.first { matcher.matches($0.text) }
            return .init(id: p.id, kind: p.kind.rawValue, text: p.text, covered: hit != nil,
                         evidence: hit.map { DesignItems.oneLine($0.evidence) } ?? "")
        }
    }
}
