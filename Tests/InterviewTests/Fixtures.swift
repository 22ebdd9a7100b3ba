/// Plan files used by the tests, broken ones included. Kept as Swift literals (not .json
/// files) so the test target has no unhandled resource files.
enum Fixtures {
    /// A drill of a few seconds per phase, as the end-to-end test uses.
    static let tiny = """
    {
      "title": "Tiny drill",
      "phases": [
        { "key": "clarify", "title": "Clarify", "seconds": 5, "goal": "Ask.", "stages": ["requirements"] },
        { "key": "design", "title": "Design", "seconds": 5, "goal": "Draw." },
        { "key": "wrap-up", "title": "Wrap-up", "seconds": 4, "goal": "Recap.", "stages": ["trade-offs"] }
      ]
    }
    """

    /// Each broken plan with the messages its error must contain (in order).
    static let broken: [(name: String, json: String, expected: [String])] = [
        ("zero-minutes", """
        {
          "title": "Broken",
          "phases": [
            {"key": "a", "title": "A", "minutes": 1, "goal": "g"},
            {"key": "b", "title": "B", "minutes": 1, "goal": "g"},
            {"key": "deep-dive", "title": "Deep", "minutes": 0, "goal": "g"}
          ]
        }
        """, ["line 6, column 54: phase 3 \"deep-dive\": minutes must be > 0, found 0 (at phases[2].minutes)"]),

        ("unknown-stage", """
        {"title": "T", "phases": [
          {"key": "a", "title": "A", "minutes": 5, "goal": "g", "stages": ["requirements", "wrapup"]}
        ]}
        """, ["line 2, column 84: phase 1 \"a\": unknown stage key \"wrapup\"; known stages: requirements, "
              + "high-level-design, low-level-design, scalability-performance, data-storage, reliability, "
              + "security, deployment-devops, monitoring-alerting, trade-offs (at phases[0].stages[1])"]),

        ("empty-phases", #"{"title": "T", "phases": []}"#,
         ["line 1, column 26: plan: phases is empty; a plan needs at least one phase (at phases)"]),

        ("no-phases", #"{"title": "T"}"#, ["line 1, column 1: plan: missing \"phases\""]),

        ("duplicate-key", """
        {"title": "T", "phases": [
          {"key": "a", "title": "A", "minutes": 5, "goal": "g"},
          {"key": "a", "title": "A again", "minutes": 5, "goal": "g"}
        ]}
        """, ["line 3, column 11: phase 2 \"a\": key \"a\" is already used by phase 1 (at phases[1].key)"]),

        ("both-timeboxes", """
        {"title": "T", "phases": [{"key": "a", "title": "A", "minutes": 5, "seconds": 300, "goal": "g"}]}
        """, ["phase 1 \"a\": give either \"minutes\" or \"seconds\", not both (at phases[0])"]),

        ("no-timebox", """
        {"title": "T", "phases": [{"key": "a", "title": "A", "goal": "g"}]}
        """, ["line 1, column 27: phase 1 \"a\": missing \"minutes\" (or \"seconds\") for the phase's timebox (at phases[0])"]),

        ("misspelt-field", """
        {"title": "T", "phases": [{"key": "a", "title": "A", "minutes": 5, "goal": "g", "prompt": ["x"]}]}
        """, ["phase 1: unknown field \"prompt\"; known fields: key, title, minutes, seconds, goal, prompts, avoid, stages (at phases[0].prompt)"]),

        ("total-mismatch", """
        {"title": "T", "totalMinutes": 60, "phases": [{"key": "a", "title": "A", "minutes": 50, "goal": "g"}]}
        """, ["line 1, column 32: plan: totalMinutes is 60 but the phases add up to 50 min; fix one or leave totalMinutes out (at totalMinutes)"]),

        ("syntax", """
        {"title": "T", "phases": [
          {"key": "a", "title": "A", "minutes": 5 "goal": "g"}
        ]}
        """, ["line 2, column 43: not valid JSON"]),

        ("truncated", #"{"title": "T", "phases": [{"key": "a""#, ["not valid JSON: the file ends too early (truncated?)"]),

        ("wrong-types", """
        {"title": 7, "phases": [{"key": "Deep Dive", "title": "A", "minutes": "5", "goal": "g", "prompts": "think"}]}
        """, [
            "plan: title must be a string, found a number (at title)",
            "phase 1 \"Deep Dive\": key must be lower-case letters, digits and dashes, like \"deep-dive\" (at phases[0].key)",
            "phase 1 \"Deep Dive\": prompts must be a list of strings, found a string (at phases[0].prompts)",
            "phase 1 \"Deep Dive\": minutes must be a number, found a string (at phases[0].minutes)",
        ]),

        ("fractional", """
        {"title": "T", "phases": [
          {"key": "a", "title": "A", "minutes": 7.5, "goal": "g"},
          {"key": "b", "title": "B", "seconds": 2.5, "goal": "g"},
          {"key": "c", "title": "C", "minutes": 0.0001, "goal": "g"},
          {"key": "d", "title": "D", "minutes": 600, "goal": "g"}
        ]}
        """, [
            "phase 2 \"b\": seconds must be a whole number, found 2.5",
            "phase 3 \"c\": minutes must be a whole number of seconds (e.g. 7.5), found 0.0001",
            "phase 4 \"d\": 10 h is longer than a whole interview may be (at phases[3])",
        ]),

        ("not-an-object", "[1, 2]", ["plan must be an object, found a list"]),
        ("empty-file", "  \n", ["the file is empty"]),
        ("empty-strings", """
        {"title": " ", "phases": [{"key": "a", "title": "A", "minutes": 5, "goal": ""}]}
        """, ["plan: title must not be empty (at title)", "phase 1 \"a\": goal must not be empty (at phases[0].goal)"]),
    ]

    /// Broken problem files and the message each must produce.
    static let brokenProblems: [(key: String, json: String, expected: [String])] = [
        ("few-questions", """
        {"title": "T", "statement": "S", "questions": ["a?", "b?"], "scale": [{"label": "Users", "value": "1"}]}
        """, ["line 1, column 47: problem: give at least 3 clarifying questions, found 2 (at questions)"]),
        ("bad-scale", """
        {"title": "T", "statement": "S", "questions": ["a?", "b?", "c?"], "scale": [{"label": "Users"}], "category": "web"}
        """, [
            "problem: unknown category \"web\"; use one of classic, ml (at category)",
            "scale item 1: missing \"value\" (at scale[0])",
        ]),
        ("Bad Name", """
        {"title": "T", "statement": "S", "questions": ["a?", "b?", "c?"], "scale": [{"label": "U", "value": "1"}]}
        """, ["the file name \"Bad Name\" must be lower-case letters, digits and dashes, like \"url-shortener\""]),
        ("missing", #"{"title": "T"}"#, [
            "problem: missing \"statement\"", "problem: missing \"questions\"", "problem: missing \"facts\"",
        ]),
    ]
}
