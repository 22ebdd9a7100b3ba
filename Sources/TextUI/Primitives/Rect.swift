// Rectangles of cells and simple layout by splitting (no constraint solver).

public struct Point: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public var description: String { "(\(x),\(y))" }
}

public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Negative sizes are clamped to 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(width: Int, height: Int) { self.init(x: 0, y: 0, width: width, height: height) }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var maxX: Int { x + width }      // exclusive
    public var maxY: Int { y + height }     // exclusive
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }
    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
    public func contains(_ p: Point) -> Bool { contains(x: p.x, y: p.y) }

    /// The overlapping part (empty rect at the origin of `self` when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        if x1 <= x0 || y1 <= y0 { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Shrink by `n` cells on every side (never below zero size).
    public func inset(by n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    public func inset(horizontal h: Int = 0, vertical v: Int = 0) -> Rect {
        inset(top: v, left: h, bottom: v, right: h)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let l = min(left, width), t = min(top, height)
        return Rect(x: x + l, y: y + t, width: width - l - right, height: height - t - bottom)
    }

    /// A rect of at most `w`×`h` centred in this one (dialogs).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    // MARK: splitting

    /// How much of the split length a part takes.
    public enum Size: Equatable, Hashable, Sendable {
        /// Exactly `n` cells (or what is left, if less).
        case fixed(Int)
        /// `numerator/denominator` of the whole length, rounded down.
        case ratio(Int, Int)
        /// A share of what remains after fixed and ratio parts, by weight.
        case fill(Int)
        /// `.fill(1)`.
        public static let fill = Size.fill(1)
        /// `p` percent of the whole length.
        public static func percent(_ p: Int) -> Size { .ratio(p, 100) }
    }

    public enum Axis: Sendable {
        /// Parts side by side, left to right (columns).
        case horizontal
        /// Parts stacked, top to bottom (rows).
        case vertical
    }

    /// Split along `axis` into `sizes.count` parts that tile this rect exactly (when the
    /// requested sizes are larger than the rect, later parts get what is left, possibly 0).
    /// Rounding leftovers from fills go to the last fill part; when there are no fill parts
    /// the rest of the length is left unused.
    public func split(_ axis: Axis, _ sizes: [Size], spacing: Int = 0) -> [Rect] {
        let total = axis == .horizontal ? width : height
        let gaps = max(0, sizes.count - 1) * max(0, spacing)
        let length = max(0, total - gaps)
        var lengths = [Int](repeating: 0, count: sizes.count)
        var remaining = length
        var fillWeight = 0
        for (i, s) in sizes.enumerated() {
            switch s {
            case .fixed(let n):
                let n = min(max(0, n), remaining); lengths[i] = n; remaining -= n
            case .ratio(let a, let b):
                let n = b > 0 ? min(max(0, length * a / b), remaining) : 0
                lengths[i] = n; remaining -= n
            case .fill(let w):
                fillWeight += max(0, w)
            }
        }
        if fillWeight > 0 {
            let pool = remaining
            var lastFill = -1
            for (i, s) in sizes.enumerated() {
                if case .fill(let w) = s {
                    let n = pool * max(0, w) / fillWeight
                    lengths[i] = n; remaining -= n; lastFill = i
                }
            }
            if lastFill >= 0 { lengths[lastFill] += remaining; remaining = 0 }
        }
        var out: [Rect] = []
        out.reserveCapacity(sizes.count)
        var pos = axis == .horizontal ? x : y
        for (i, n) in lengths.enumerated() {
            switch axis {
            case .horizontal: out.append(Rect(x: pos, y: y, width: n, height: height))
            case .vertical: out.append(Rect(x: x, y: pos, width: width, height: n))
            }
            pos += n
            if i < lengths.count - 1 { pos += max(0, spacing) }
        }
        return out
    }

    /// Side-by-side parts (ratatui's `Direction::Horizontal`).
    public func columns(_ sizes: Size..., spacing: Int = 0) -> [Rect] { split(.horizontal, sizes, spacing: spacing) }
    /// Stacked parts (ratatui's `Direction::Vertical`).
    public func rows(_ sizes: Size..., spacing: Int = 0) -> [Rect] { split(.vertical, sizes, spacing: spacing) }

    /// Cut `n` rows off the top: (top part, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }
    /// Cut `n` rows off the bottom: (rest, bottom part).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }
    /// Cut `n` columns off the left: (left part, rest).
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }
    /// Cut `n` columns off the right: (rest, right part).
    public func splitRight(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), width)
        return (Rect(x: x, y: y, width: width - n, height: height), Rect(x: maxX - n, y: y, width: n, height: height))
    }
}
