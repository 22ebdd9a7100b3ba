import Foundation

extension Expression {
    /// Evaluates the expression. `resolve` gives the value of `names[i]`, or nil when there is
    /// no such estimate. The result is in base units; `target` says how to show it.
    public func evaluate(_ resolve: (Int) -> Quantity?) throws(CalcError) -> Quantity {
        var stack: [Quantity] = []
        stack.reserveCapacity(8)
        return try evaluate(resolve, stack: &stack)
    }

    /// `evaluate` with a caller's scratch stack (emptied first), so evaluating many
    /// expressions allocates once.
    func evaluate(_ resolve: (Int) -> Quantity?, stack: inout [Quantity]) throws(CalcError) -> Quantity {
        stack.removeAll(keepingCapacity: true)
        for op in ops {
            switch op {
            case .number(let v):
                stack.append(Quantity(v))
            case .unit(_, let q):
                stack.append(q)
            case .name(let k, let offset):
                guard let q = resolve(k) else {
                    throw CalcError(.unknownName(names[k], hint: Units.hints[names[k]]), column: column(offset))
                }
                stack.append(q)
            case .negate:
                stack[stack.count - 1].value = -stack[stack.count - 1].value
            case .percent(let at):
                stack[stack.count - 1].value /= 100
                stack[stack.count - 1].isPercent = stack[stack.count - 1].dimension.isNone
                try checkFinite(stack[stack.count - 1], at)
            case .add(let at), .subtract(let at):
                let b = stack.removeLast(), a = stack.removeLast()
                var isAdd = false
                if case .add = op { isAdd = true }
                guard a.dimension == b.dimension else {
                    throw CalcError(.dimensionMismatch(operation: isAdd ? "add" : "subtract", left: a.dimension, right: b.dimension),
                                    column: column(at))
                }
                let r = Quantity(isAdd ? a.value + b.value : a.value - b.value, a.dimension,
                                 inBits: a.dimension.data != 0 ? a.inBits && b.inBits : false)
                try checkFinite(r, at)
                stack.append(r)
            case .multiply(let at), .juxtapose(let at):
                let b = stack.removeLast(), a = stack.removeLast()
                let r = Quantity(a.value * b.value, a.dimension * b.dimension, inBits: bits(a, b))
                try checkUnits(r, at)
                try checkFinite(r, at)
                stack.append(r)
            case .divide(let at), .divideByUnit(let at):
                let b = stack.removeLast(), a = stack.removeLast()
                if b.value == 0 { throw CalcError(.divisionByZero, column: column(at)) }
                let r = Quantity(a.value / b.value, a.dimension / b.dimension, inBits: bits(a, b))
                try checkUnits(r, at)
                try checkFinite(r, at)
                stack.append(r)
            case .power(let at):
                let b = stack.removeLast(), a = stack.removeLast()
                stack.append(try power(a, b, at))
            case .call(let f, let count, let at):
                let args = Array(stack.suffix(count))
                stack.removeLast(count)
                stack.append(try call(f, args, at))
            }
        }
        let result = stack[0]
        if let target, target.dimension != result.dimension {
            throw CalcError(.dimensionMismatch(operation: "convert", left: result.dimension, right: target.dimension),
                            column: column(targetOffset))
        }
        return result
    }

    /// Evaluates an expression that refers to no estimates.
    public func evaluate() throws(CalcError) -> Quantity { try evaluate { _ in nil } }

    private func bits(_ a: Quantity, _ b: Quantity) -> Bool {
        a.dimension.data != 0 ? a.inBits : (b.dimension.data != 0 ? b.inBits : a.inBits || b.inBits)
    }

    private func checkFinite(_ q: Quantity, _ at: Int) throws(CalcError) {
        if !q.value.isFinite { throw CalcError(.notFinite, column: column(at)) }
    }

    private func checkUnits(_ q: Quantity, _ at: Int) throws(CalcError) {
        if !q.dimension.isWithinLimits {
            throw CalcError(.domain("the units' powers grow too large (\(q.dimension.baseUnits))"), column: column(at))
        }
    }

    private func power(_ a: Quantity, _ b: Quantity, _ at: Int) throws(CalcError) -> Quantity {
        guard b.dimension.isNone else {
            throw CalcError(.domain("the power must be a plain number, not \(b.dimension.phrase)"), column: column(at))
        }
        var dim = Dimension.none
        if !a.dimension.isNone {
            guard b.value == b.value.rounded(), abs(b.value) <= Double(Dimension.maxPower) else {
                throw CalcError(.domain("\(a.dimension.phrase) can only be raised to a whole power from -\(Dimension.maxPower) to \(Dimension.maxPower)"),
                                column: column(at))
            }
            dim = a.dimension.power(Int(b.value))
            try checkUnits(Quantity(0, dim), at)
        }
        if a.value == 0 && b.value < 0 { throw CalcError(.divisionByZero, column: column(at)) }
        let v = b.value == b.value.rounded() && abs(b.value) <= 64 ? integerPower(a.value, Int(b.value)) : pow(a.value, b.value)
        if v.isNaN {
            throw CalcError(.domain("a negative number to a fractional power is not a real number"), column: column(at))
        }
        let r = Quantity(v, dim, inBits: a.inBits)
        try checkFinite(r, at)
        return r
    }

    private func call(_ f: CalcFunction, _ args: [Quantity], _ at: Int) throws(CalcError) -> Quantity {
        let x = args[0]
        func plain() throws(CalcError) {
            guard x.dimension.isNone else {
                let example = x.dimension == .size ? "x / GB" : x.dimension == .time ? "x / s" : x.dimension == .rate ? "x * s" : "x / unit"
                throw CalcError(.domain("\(f.rawValue) needs a plain number, not \(x.dimension.phrase); "
                                        + "divide by a unit first, as in \(f.rawValue)(\(example))"), column: column(at))
            }
        }
        var r = x
        if f != .abs && f != .min && f != .max { r.isPercent = false }
        switch f {
        case .ceil: try plain(); r.value = x.value.rounded(.up)
        case .floor: try plain(); r.value = x.value.rounded(.down)
        case .round: try plain(); r.value = x.value.rounded(.toNearestOrAwayFromZero)
        case .abs: r.value = Swift.abs(x.value)
        case .sqrt:
            guard x.dimension.data % 2 == 0 && x.dimension.time % 2 == 0 else {
                throw CalcError(.domain("the square root of \(x.dimension.phrase) has no unit"), column: column(at))
            }
            guard x.value >= 0 else { throw CalcError(.domain("the square root of a negative number"), column: column(at)) }
            r = Quantity(x.value.squareRoot(), Dimension(data: x.dimension.data / 2, time: x.dimension.time / 2), inBits: x.inBits)
        case .log2, .log10:
            try plain()
            guard x.value > 0 else { throw CalcError(.domain("\(f.rawValue) of zero or a negative number"), column: column(at)) }
            r.value = f == .log2 ? Foundation.log2(x.value) : Foundation.log10(x.value)
        case .min, .max:
            for a in args.dropFirst() where a.dimension != x.dimension {
                throw CalcError(.dimensionMismatch(operation: "compare", left: x.dimension, right: a.dimension), column: column(at))
            }
            r = args.dropFirst().reduce(x) { best, a in
                (f == .min ? a.value < best.value : a.value > best.value) ? a : best
            }
        }
        return r
    }
}
