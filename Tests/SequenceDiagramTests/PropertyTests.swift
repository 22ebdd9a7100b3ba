import PropertyBased
import SequenceDiagram
import TerminalText
import Testing

private let widths: [Int?] = [nil, 160, 100, 72, 48, 30]

@Suite struct SequencePropertyTests {
    /// 300 fixed random scripts, Unicode and ASCII, at several widths: every message drawn once
    /// with its head at the receiver's lifeline, labels readable and off the lifelines, frames
    /// closed and nested, nothing wider than asked when the narrowest form fits.
    @Test(arguments: [false, true])
    func guaranteesHoldOnSeededScripts(ascii: Bool) {
        for seed in 0..<300 {
            let script = RandomScripts.script(seed: UInt64(seed))
            let width = widths[seed % widths.count]
            let d = SequenceRenderer.render(script, SequenceOptions(ascii: ascii, width: width))
            let problems = Checker(script, d, ascii: ascii).problems(width: width)
            #expect(problems.isEmpty, "seed \(seed), width \(width.map(String.init) ?? "natural"): \(problems)\n\(d.text())")
            if !problems.isEmpty { return }
        }
    }

    /// The same on scripts and widths drawn by PropertyBased (its seed is reported on failure).
    @Test func guaranteesHoldOnGeneratedScripts() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 20...220), Gen.bool) { seed, width, ascii in
            let script = RandomScripts.script(seed: UInt64(seed) &+ 1_000_000)
            let d = SequenceRenderer.render(script, SequenceOptions(ascii: ascii, width: width))
            let problems = Checker(script, d, ascii: ascii).problems(width: width)
            #expect(problems.isEmpty, "script seed \(seed), width \(width), ascii \(ascii): \(problems)\n\(d.text())")
        }
    }

    /// Every fixed form (label width × abbreviation) keeps the guarantees too.
    @Test func fixedFormsHold() {
        for seed in 0..<60 {
            let script = RandomScripts.script(seed: UInt64(seed) &* 31 &+ 7)
            for level in SequenceOptions.Abbreviation.allCases {
                for labelWidth in [nil, 4, 9, 20] as [Int?] {
                    let d = SequenceRenderer.render(script, SequenceOptions(labelWidth: labelWidth, abbreviate: level))
                    let problems = Checker(script, d, ascii: false).problems()
                    #expect(problems.isEmpty, "seed \(seed), \(level), \(labelWidth as Any): \(problems)\n\(d.text())")
                    if !problems.isEmpty { return }
                }
            }
        }
    }

    /// Narrower targets never give wider drawings, and the fit flag tells the truth.
    @Test func fittingIsMonotoneAndHonest() {
        for seed in 0..<80 {
            let script = RandomScripts.script(seed: UInt64(seed) &+ 555)
            var previous = Int.max
            for width in stride(from: 200, through: 20, by: -15) {
                let d = SequenceRenderer.render(script, SequenceOptions(width: width))
                #expect(d.width <= previous, "seed \(seed): \(width) columns drew \(d.width), wider than at the last step")
                #expect(d.fits == (d.width <= width), "seed \(seed), width \(width): fits says \(d.fits), drawn \(d.width)")
                previous = d.width
            }
        }
    }

    @Test func deterministic() {
        for seed in 0..<40 {
            let script = RandomScripts.script(seed: UInt64(seed) &* 7919)
            let o = SequenceOptions(ascii: seed % 2 == 0, width: widths[seed % widths.count])
            #expect(SequenceRenderer.render(script, o) == SequenceRenderer.render(script, o))
        }
    }
}
