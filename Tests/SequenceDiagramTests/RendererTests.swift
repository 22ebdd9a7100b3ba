import SequenceDiagram
import TerminalText
import Testing

@Suite struct SequenceRendererTests {
    typealias S = SequenceScript

    static let twoParty = S(
        participants: [S.Participant("Client"), S.Participant("Server")],
        items: [
            .message(S.Message(from: 0, to: 1, text: "GET /x")),
            .message(S.Message(from: 1, to: 1, text: "look it up", arrow: .call)),
            .message(S.Message(from: 1, to: 0, text: "200 OK", arrow: .reply)),
            .message(S.Message(from: 0, to: 1, text: "log", arrow: .async, note: "best effort")),
        ])

    @Test func drawsCallsRepliesAsyncAndSelfCalls() {
        let d = SequenceRenderer.render(Self.twoParty)
        let text = d.text()
        #expect(d.lines[1].contains("│ Client │") && d.lines[1].contains("│ Server │"))
        let arrows = d.messages.map { d.lines[$0.arrow.lowerBound] }
        #expect(arrows[0].contains("─▶│"), "a call is solid: \(arrows[0])")
        #expect(arrows[2].contains("│◀┄"), "a reply is dashed, pointing left: \(arrows[2])")
        #expect(arrows[3].contains("┄▷│"), "an async message is dashed with an open head: \(arrows[3])")
        #expect(d.lines[d.messages[1].arrow.lowerBound].hasSuffix("│──┐"))
        #expect(d.lines[d.messages[1].arrow.lowerBound + 1].hasSuffix("│◀─┘"))
        for (k, label) in ["1. GET /x", "2. look it up", "3. 200 OK", "4. log", "note: best effort"].enumerated() {
            #expect(text.contains(label), "label \(k)")
        }
        #expect(d.lines[d.legend].joined().contains("───▶ call") && d.lines[d.legend].joined().contains("┄┄┄▷ async message"))
        #expect(d.fits && d.labelWidth == nil && d.abbreviations.isEmpty)
    }

    @Test func asciiFormIsPlainASCII() {
        let d = SequenceRenderer.render(Self.twoParty, SequenceOptions(ascii: true))
        let allASCII = d.text().unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
        let arrows = d.messages.map { d.lines[$0.arrow.lowerBound] }
        #expect(arrows[0].contains("-->|"))
        #expect(arrows[2].contains("|<.."))
        #expect(arrows[3].contains("- >|"), "async is spaced dashes: \(arrows[3])")
    }

    @Test func framesNestAndDividersSeparateSections() {
        let script = S(participants: [S.Participant("A"), S.Participant("B")], items: [
            .frame(S.Frame(sections: [
                S.Section(keyword: "alt", condition: "hit", items: [
                    .frame(S.Frame(sections: [S.Section(keyword: "loop", condition: "each item", items: [
                        .message(S.Message(from: 0, to: 1, text: "get")),
                    ])])),
                ]),
                S.Section(keyword: "else", condition: "miss", items: [.message(S.Message(from: 1, to: 0, text: "none", arrow: .reply))]),
            ])),
        ])
        let d = SequenceRenderer.render(script)
        #expect(d.frames.count == 2)
        let (outer, inner) = (d.frames[0], d.frames[1])
        #expect(outer.depth == 0 && inner.depth == 1 && outer.dividers.count == 1)
        #expect(inner.left == outer.left + 2 && inner.right == outer.right - 2)
        #expect(d.lines[outer.top].hasPrefix("┌─ alt [hit] "))
        #expect(d.lines[inner.top].hasPrefix("│ ┌─ loop [each item] "))
        #expect(d.lines[outer.dividers[0]].hasPrefix("├┄ else [miss] "))
        #expect(d.lines[outer.bottom].hasPrefix("└") && d.lines[outer.bottom].hasSuffix("┘"))
        #expect(d.lines[outer.top].contains("┼"), "the top edge crosses the lifelines")
        #expect(Checker(script, d, ascii: false).problems().isEmpty)
    }

    @Test func longFrameTitlesWrapInsideTheFrameWhenAWidthIsAsked() {
        let long = String(repeating: "condition ", count: 12)
        let script = S(participants: [S.Participant("A"), S.Participant("B")], items: [
            .frame(S.Frame(sections: [S.Section(keyword: "opt", condition: long, items: [.message(S.Message(from: 0, to: 1, text: "m"))])])),
        ])
        let natural = SequenceRenderer.render(script)
        #expect(natural.lines[natural.frames[0].top].contains("condition]"), "one line at natural width")
        let narrow = SequenceRenderer.render(script, SequenceOptions(width: 40))
        #expect(narrow.width <= 40)
        let top = narrow.frames[0].top
        let words = narrow.lines[top..<narrow.messages[0].label.lowerBound].joined().components(separatedBy: "condition").count - 1
        #expect(words == 12, "every word of the title is kept")
    }

    @Test func namesAreAbbreviatedWithALegendToFit() {
        let names = ["Users & API clients", "Load balancer", "Redirect service", "Link cache", "Link store", "Links store"]
        let script = S(participants: names.map(S.Participant.init),
                       items: (0..<5).map { .message(S.Message(from: $0, to: $0 + 1, text: "request number \($0)")) })
        let d = SequenceRenderer.render(script, SequenceOptions(width: 60))
        #expect(d.width <= 60 && d.fits)
        #expect(!d.abbreviations.isEmpty)
        let shorts = d.abbreviations.map(\.short)
        #expect(Set(shorts).count == shorts.count, "abbreviations are unique: \(shorts)")
        let legend = d.lines[d.legend].joined(separator: " ")
        for (short, full) in d.abbreviations {
            #expect(legend.contains("\(short) = \(full)"))
            #expect(d.lines[1].contains("│ \(short) │"))
        }
        #expect(shorts.contains("LS") && shorts.contains("LS2"))
    }

    @Test func hostileTextIsMadeVisibleAndMeasured() {
        let script = S(participants: [S.Participant("ESC\u{1B}[31mred"), S.Participant("数据库 🚀"), S.Participant("RLO\u{202E}x")],
                       items: [
                           .message(S.Message(from: 0, to: 1, text: "line\nbreak\ttab\u{07}bell", note: "\u{9B}c1")),
                           .message(S.Message(from: 2, to: 0, text: "e\u{301} combining, \u{200B}zero width", arrow: .reply)),
                       ])
        for ascii in [false, true] {
            let d = SequenceRenderer.render(script, SequenceOptions(ascii: ascii, width: 50))
            for line in d.lines {
                #expect(!Sanitize.needsSanitizing(line), "\(line)")
                #expect(DisplayWidth.of(line) <= d.width)
            }
            #expect(d.text().contains("^["))
            #expect(Checker(script, d, ascii: ascii).problems(width: 50).isEmpty, "\(Checker(script, d, ascii: ascii).problems(width: 50))")
        }
    }

    @Test func emptyAndDegenerateScripts() {
        let empty = SequenceRenderer.render(S(participants: [], items: []))
        #expect(empty.messages.isEmpty && empty.frames.isEmpty)
        let onlyFrame = S(participants: [], items: [.frame(S.Frame(sections: [S.Section(keyword: "opt")]))])
        let f = SequenceRenderer.render(onlyFrame)
        #expect(f.frames.count == 1 && Checker(onlyFrame, f, ascii: false).problems().isEmpty)
        let lone = S(participants: [S.Participant("Solo")], items: [.message(S.Message(from: 0, to: 0, text: "think"))])
        let l = SequenceRenderer.render(lone)
        #expect(Checker(lone, l, ascii: false).problems().isEmpty)
        // Out-of-range participants are clamped, never a crash.
        let bad = S(participants: [S.Participant("A")], items: [.message(S.Message(from: 5, to: -2, text: "?"))])
        #expect(SequenceRenderer.render(bad).messages.count == 1)
    }

    @Test func windowShowsAViewport() {
        let d = SequenceRenderer.render(Self.twoParty)
        let all = d.window(top: 0, left: 0, width: d.width, height: d.height)
        #expect(all == d.lines.map { DisplayWidth.window($0, from: 0, width: d.width) })
        let part = d.window(top: 2, left: 3, width: 10, height: 4)
        #expect(part.count == 4 && part.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(part[0] == DisplayWidth.window(d.lines[2], from: 3, width: 10))
        #expect(d.window(top: d.height, left: 0, width: 10, height: 5).isEmpty)
        // A wide character cut by the left edge shows as a space.
        let wide = SequenceRenderer.render(S(participants: [S.Participant("数据库")], items: [.message(S.Message(from: 0, to: 0, text: "x"))]))
        let col = wide.lines[1].firstIndex(of: "数").map { DisplayWidth.column(of: $0, in: wide.lines[1]) }!
        #expect(wide.window(top: 1, left: col + 1, width: 3, height: 1)[0].hasPrefix(" "))
    }

    @Test func stepNumbersCanBeLeftOut() {
        let d = SequenceRenderer.render(Self.twoParty, SequenceOptions(numbered: false, key: false))
        #expect(!d.text().contains("1. GET") && d.text().contains("GET /x"))
        #expect(d.legend.isEmpty)
    }
}
