import TestSupport
import Testing
@testable import Estimates

/// Named estimates: references, recomputation, cycles, errors and the rows depending on them.
@Suite struct SheetTests {
    func rows(_ pairs: [(String, String)]) -> [EstimateSheet.Row] { pairs.map { .init(name: $0.0, expression: $0.1) } }

    @Test func rowsReferToEachOtherInAnyOrderAndUpdateTogether() {
        var sheet = EstimateSheet(rows([("peak", "avg * 3"), ("avg", "dau * 20 / day"), ("dau", "10M")]))
        #expect(sheet["dau"] == .value(Quantity(10e6)))
        #expect(sheet["avg"]?.quantity.map { close($0.value, 10e6 * 20 / 86_400, relative: 1e-15) } == true)
        #expect(sheet["peak"]?.quantity?.dimension == .rate)
        #expect(sheet.displayText(at: 0) == "6.9K /s")
        sheet.set(.init(name: "dau", expression: "20M"), at: 2)
        #expect(sheet.displayText(at: 0) == "13.9K /s")
        #expect(sheet.evaluationOrder.firstIndex(of: 2)! < sheet.evaluationOrder.firstIndex(of: 1)!)
        #expect(sheet.evaluationOrder.firstIndex(of: 1)! < sheet.evaluationOrder.firstIndex(of: 0)!)
    }

    @Test func aRowsOwnUnitIsUsedForItsValue() {
        let sheet = EstimateSheet(rows([("size", "6e9 * 500 B to GB"), ("double", "size * 2")]))
        #expect(sheet.displayText(at: 0) == "3000 GB")
        #expect(sheet.displayText(at: 1) == "6.0 TB")
    }

    @Test func anErrorMarksItsRowAndEveryRowThatDependsOnIt() {
        let sheet = EstimateSheet(rows([("a", "1 / 0"), ("b", "a + 1"), ("c", "b * 2"), ("d", "5"), ("e", "d + c")]))
        #expect(sheet.statuses[0] == .error(CalcError(.divisionByZero, column: 3)))
        #expect(sheet.statuses[1] == .dependsOnError(["a"]))
        #expect(sheet.statuses[2] == .dependsOnError(["a"]))
        #expect(sheet.statuses[3] == .value(Quantity(5)))
        #expect(sheet.statuses[4] == .dependsOnError(["a"]))
        #expect(sheet.displayText(at: 2) == "depends on a (error)")
        #expect(sheet.displayText(at: 0) == "error: column 3: division by zero")
    }

    @Test func unknownNamesAndDimensionErrorsAreTheRowsOwn() {
        let sheet = EstimateSheet(rows([("a", "1 GB"), ("b", "a + dua"), ("c", "a + 1 s"), ("dau", "1"), ("d", "a + zzz")]))
        #expect(sheet.statuses[1].error == CalcError(.unknownName("dua", hint: "dau"), column: 5))
        #expect(sheet.statuses[1].error?.message == "unknown name \"dua\"; did you mean dau?")
        #expect(sheet.statuses[4].error == CalcError(.unknownName("zzz", hint: nil), column: 5))
        #expect(sheet.statuses[2].error == CalcError(.dimensionMismatch(operation: "add", left: .size, right: .time), column: 3))
    }

    @Test func cyclesAreNamedOnEveryRowInThem() {
        let sheet = EstimateSheet(rows([("a", "b + 1"), ("b", "2 * c"), ("c", "a"), ("d", "a * 2"), ("x", "x + 1")]))
        #expect(sheet.statuses[0].error == CalcError(.cycle(["a", "b", "c"]), column: 1))
        #expect(sheet.statuses[1].error == CalcError(.cycle(["b", "c", "a"]), column: 5))
        #expect(sheet.statuses[2].error == CalcError(.cycle(["c", "a", "b"]), column: 1))
        #expect(sheet.statuses[0].error?.message == "circular reference: a → b → c → a")
        #expect(sheet.statuses[3] == .dependsOnError(["a"]))
        #expect(sheet.statuses[4].error == CalcError(.cycle(["x"]), column: 1))
    }

    @Test func badAndDuplicateNames() {
        let sheet = EstimateSheet(rows([("qps", "5"), ("qps", "6"), ("2x", "1"), ("to", "1"), ("min", "1"), ("MB", "1"),
                                        ("", "1"), ("ok", "qps * 2")]))
        #expect(sheet.statuses[1].error?.kind == .duplicateName("qps"))
        for i in 2...6 {
            guard case .badName? = sheet.statuses[i].error?.kind else {
                Issue.record("row \(i): \(sheet.statuses[i])")
                continue
            }
        }
        #expect(sheet.statuses[4].error?.message.contains("function") == true)
        #expect(sheet.statuses[5].error?.message.contains("unit") == true)
        // References go to the first row of a name.
        #expect(sheet["ok"] == .value(Quantity(10)))
    }

    @Test func aParseErrorIsShownWithItsColumn() {
        let sheet = EstimateSheet(rows([("a", "3 +"), ("b", "a")]))
        #expect(sheet.statuses[0].error?.column == 4)
        #expect(sheet.statuses[1] == .dependsOnError(["a"]))
    }

    @Test func expressionsOverTheSheet() {
        let sheet = EstimateSheet(rows([("qps", "200 /s"), ("bad", "1/0")]))
        #expect(sheet.evaluate("qps * 500 B").status == .value(Quantity(100_000, .dataRate)))
        #expect(sheet.evaluate("bad * 2").status == .dependsOnError(["bad"]))
        #expect(sheet.evaluate("nope").status.error?.column == 1)
    }

    @Test func aLongChainOfEstimatesEvaluatesWithoutRecursion() {
        let n = 5000
        var r = [EstimateSheet.Row(name: "e0", expression: "1")]
        for i in 1..<n { r.append(.init(name: "e\(i)", expression: "e\(i - 1) + 1")) }
        let sheet = EstimateSheet(r.reversed())
        #expect(sheet["e\(n - 1)"] == .value(Quantity(Double(n))))
    }

    @Test func renamingRewritesOnlyNames() {
        let text = "min(dau, 5 min) + dau*2 to /s"
        #expect(Expression.renaming(["dau": "users", "min": "x", "s": "y"], in: text) == "min(users, 5 min) + users*2 to /s")
        #expect(Expression.renaming(["a": "b"], in: "1 +* a $") == "1 +* a $")
    }

    /// Adding or deleting one row keeps the other rows' parses where they are; the result is
    /// the sheet built from scratch, wherever the row goes, and a second change of the same
    /// size (a move) takes the general path.
    @Test func addingOrDeletingOneRowGivesTheSheetFromScratch() {
        let base = rows([("a", "10"), ("b", "a * 2"), ("c", "b + a"), ("d", "c / 0"), ("e", "(")])
        for k in 0...base.count {
            var sheet = EstimateSheet(base)
            var grown = base
            grown.insert(.init(name: "x", expression: "c * 3"), at: k)
            #expect(EstimateSheet.oneRowInsertedOrRemoved(base, grown) == k)
            sheet.update(grown)
            #expect(sheet.statuses == EstimateSheet(grown).statuses, "insert at \(k)")
            #expect(sheet.expression(at: k)?.names == ["c"])
            sheet.update(base)
            #expect(sheet.statuses == EstimateSheet(base).statuses, "delete at \(k)")
        }
        var moved = base
        moved.swapAt(0, 4)
        moved.removeLast()
        #expect(EstimateSheet.oneRowInsertedOrRemoved(base, moved) == nil)
        var sheet = EstimateSheet(base)
        sheet.update(moved)
        #expect(sheet.statuses == EstimateSheet(moved).statuses)
    }

    /// Editing expressions in place re-evaluates only the edited rows and the rows that use
    /// them; whatever the edits (cycles made and broken, errors, units), the sheet equals one
    /// built from scratch.
    @Test func inPlaceEditsGiveTheSheetFromScratch() {
        let names = ["a", "b", "c", "d", "e", "f"]
        let expressions = ["10", "a * 2", "b + a", "c / 0", "(", "f + 1", "e * 2", "a + b + c", "5 GB", "d", "1 /s", "b * 1 /s"]
        var current = rows(names.map { ($0, "1") })
        var sheet = EstimateSheet(current)
        var rng = SeededGenerator(seed: 7)
        for step in 0..<400 {
            let row = rng.int(names.count)
            let text = expressions[rng.int(expressions.count)]
            current[row].expression = text
            sheet.update(current)
            let fresh = EstimateSheet(current)
            #expect(sheet.statuses == fresh.statuses, "step \(step): \(current.map(\.expression))")
            #expect(sheet.evaluationOrder.count == fresh.evaluationOrder.count)
        }
    }

    /// Rows added and deleted one at a time (names taken twice, names that become known or
    /// unknown, cycles through the added row, misspellings whose suggestion changes): the kept
    /// values moved to the new positions give the sheet built from scratch.
    @Test func rowsAddedAndDeletedOneAtATimeGiveTheSheetFromScratch() {
        let names = ["a", "b", "c", "users", "user", "d"]
        let expressions = ["10", "a * 2", "b + a", "usr * 2", "users + 1", "d", "c / 0", "(", "a + b + c", "1 /s", "user"]
        var current = rows([("a", "1"), ("b", "a + 1"), ("c", "b * 2")])
        var sheet = EstimateSheet(current)
        var rng = SeededGenerator(seed: 99)
        func next(_ n: Int) -> Int { rng.int(n) }
        for step in 0..<500 {
            if current.count > 1 && next(2) == 0 {
                current.remove(at: next(current.count))
            } else {
                current.insert(.init(name: names[next(names.count)], expression: expressions[next(expressions.count)]),
                               at: next(current.count + 1))
            }
            sheet.update(current)
            let fresh = EstimateSheet(current)
            #expect(sheet.statuses == fresh.statuses, "step \(step): \(current.map { "\($0.name)=\($0.expression)" })")
        }
    }
}
