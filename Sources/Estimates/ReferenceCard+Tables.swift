/// The reference card as titled tables of text, for a screen or a terminal to lay out.
public struct ReferenceTable: Equatable, Sendable {
    public var title: String
    public var note: String
    public var header: [String]
    /// Which columns hold numbers (aligned right).
    public var numeric: [Bool]
    public var rows: [[String]]
    /// Lines under the table (sources).
    public var footer: [String]
}

extension ReferenceCard {
    public var tables: [ReferenceTable] {
        let sourceText = Dictionary(latency.sources.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
        let order = latency.sources.map(\.key)
        func mark(_ key: String) -> String { (order.firstIndex(of: key).map { String(repeating: "*", count: $0 + 1) }) ?? "" }
        let latencyRows = latency.rows.map { [$0.operation, $0.time, "\($0.year)" + mark($0.source)] }
        return [
            ReferenceTable(title: "Latency", note: latency.note, header: ["Operation", "Time", "Year"],
                           numeric: [false, true, true], rows: latencyRows,
                           footer: order.map { mark($0) + " " + (sourceText[$0] ?? "") }),
            ReferenceTable(title: "Powers of two", note: "", header: ["Power", "Exactly", "About", "Bytes"],
                           numeric: [true, true, false, true],
                           rows: powersOfTwo.map { ["2^\($0.power)", Self.grouped($0.exact), $0.approximately, $0.bytes] },
                           footer: []),
            ReferenceTable(title: "Availability (the nines)", note: nines.note,
                           header: ["Availability", "Down a year", "a month", "a week", "a day"],
                           numeric: [true, true, true, true, true],
                           rows: nines.rows.map { [$0.availability, $0.perYear, $0.perMonth, $0.perWeek, $0.perDay] },
                           footer: []),
            ReferenceTable(title: "Seconds in", note: "", header: ["Period", "Seconds", ""],
                           numeric: [false, true, false],
                           rows: secondsIn.map { ["a " + $0.period, Self.grouped("\($0.seconds)"), $0.note] },
                           footer: []),
            ReferenceTable(title: "Rules of thumb", note: "", header: ["Expression", "Comes to"],
                           numeric: [false, true],
                           rows: rulesOfThumb.map { [$0.expression, $0.about] },
                           footer: []),
        ]
    }

    /// Digits with thousands separators (`1,048,576`).
    static func grouped(_ digits: String) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
