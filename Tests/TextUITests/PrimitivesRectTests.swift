import Testing
@testable import TextUI

@Suite("Rect")
struct PrimitivesRectTests {
    let r = Rect(x: 2, y: 1, width: 100, height: 30)

    @Test func basics() {
        #expect(r.maxX == 102 && r.maxY == 31)
        #expect(r.contains(x: 2, y: 1) && r.contains(Point(x: 101, y: 30)))
        #expect(!r.contains(x: 102, y: 5) && !r.contains(x: 1, y: 5))
        #expect(r.inset(by: 1) == Rect(x: 3, y: 2, width: 98, height: 28))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 3).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -4, height: 3).width == 0)
        #expect(r.centered(width: 10, height: 4) == Rect(x: 47, y: 14, width: 10, height: 4))
        #expect(r.intersection(Rect(x: 90, y: 25, width: 50, height: 50)) == Rect(x: 90, y: 25, width: 12, height: 6))
    }

    @Test func splitFixedFillRatio() {
        let cols = r.columns(.fixed(20), .fill, .fixed(10))
        #expect(cols.map(\.width) == [20, 70, 10])
        #expect(cols.map(\.x) == [2, 22, 92])
        #expect(cols.allSatisfy { $0.y == 1 && $0.height == 30 })
        let halves = r.rows(.ratio(1, 2), .ratio(1, 2))
        #expect(halves.map(\.height) == [15, 15])
        #expect(halves.map(\.y) == [1, 16])
        let weighted = Rect(width: 10, height: 1).columns(.fill(1), .fill(2))
        #expect(weighted.map(\.width) == [3, 7])
        let spaced = Rect(width: 11, height: 1).columns(.fill, .fill, spacing: 1)
        #expect(spaced.map(\.x) == [0, 6] && spaced.map(\.width) == [5, 5])
        let tooBig = Rect(width: 10, height: 1).columns(.fixed(8), .fixed(8), .fill)
        #expect(tooBig.map(\.width) == [8, 2, 0])
    }

    @Test func splitsTileExactly() {
        var rng = PrimitivesRNG(seed: 5)
        for _ in 0..<500 {
            let w = Int.random(in: 0...300, using: &rng)
            let sizes: [Rect.Size] = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                switch Int.random(in: 0...2, using: &rng) {
                case 0: return .fixed(Int.random(in: 0...80, using: &rng))
                case 1: return .percent(Int.random(in: 0...60, using: &rng))
                default: return .fill(Int.random(in: 1...3, using: &rng))
                }
            }
            let parts = Rect(x: 3, y: 0, width: w, height: 2).split(.horizontal, sizes)
            #expect(parts.count == sizes.count)
            #expect(parts.reduce(0) { $0 + $1.width } <= w)
            if sizes.contains(where: { if case .fill = $0 { true } else { false } }) {
                #expect(parts.reduce(0) { $0 + $1.width } == w)
            }
            for (a, b) in zip(parts, parts.dropFirst()) { #expect(a.maxX == b.x) }
        }
    }

    @Test func cutting() {
        let (top, rest) = r.splitTop(1)
        #expect(top == Rect(x: 2, y: 1, width: 100, height: 1) && rest == Rect(x: 2, y: 2, width: 100, height: 29))
        let (body, status) = r.splitBottom(1)
        #expect(status.y == 30 && body.height == 29)
        let (left, right) = r.splitLeft(200)
        #expect(left.width == 100 && right.width == 0)
        let (_, side) = r.splitRight(30)
        #expect(side == Rect(x: 72, y: 1, width: 30, height: 30))
    }
}
