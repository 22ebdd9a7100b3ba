extension Expression {
    /// The expression written out again in one standard way: single spaces around `+ - * /`,
    /// parentheses only where needed, numbers in full (`6e9` becomes `6000000000`), juxtaposed
    /// units kept (`500 B`), the `to` unit at the end. Parsing this text gives the same
    /// operations, so the same value.
    public var canonicalText: String {
        // Precedence of what a piece of text is, loosest first.
        let sum = 1, product = 2, implicit = 3, unary = 4, power = 5, postfix = 6, primary = 7
        var stack: [(text: String, prec: Int)] = []
        func wrap(_ e: (text: String, prec: Int), atLeast p: Int) -> String { e.prec >= p ? e.text : "(\(e.text))" }
        for op in ops {
            switch op {
            case .number(let v):
                stack.append((ValueFormat.exact(v), primary))
            case .unit(let u, _):
                stack.append((Units.all[u].symbol, primary))
            case .name(let k, _):
                stack.append((names[k], primary))
            case .negate:
                let a = stack.removeLast()
                let inner = wrap(a, atLeast: unary)
                stack.append(("-" + (inner.hasPrefix("-") ? " " : "") + inner, unary))
            case .percent:
                let a = stack.removeLast()
                stack.append((wrap(a, atLeast: postfix) + "%", postfix))
            case .add, .subtract:
                let b = stack.removeLast(), a = stack.removeLast()
                var sign = "+"
                if case .subtract = op { sign = "-" }
                stack.append((wrap(a, atLeast: sum) + " \(sign) " + wrap(b, atLeast: product), sum))
            case .multiply, .divide:
                let b = stack.removeLast(), a = stack.removeLast()
                var sign = "*"
                if case .divide = op { sign = "/" }
                stack.append((wrap(a, atLeast: product) + " \(sign) " + wrap(b, atLeast: implicit), product))
            case .juxtapose:
                let b = stack.removeLast(), a = stack.removeLast()
                // The right side is read as a power that cannot start with a sign.
                let startsWithNumber = b.text.first.map { $0.isNumber || $0 == "." } ?? false
                let right = b.prec >= power && !b.text.hasPrefix("-") && !startsWithNumber ? b.text : "(\(b.text))"
                stack.append((wrap(a, atLeast: implicit) + " " + right, implicit))
            case .divideByUnit:
                let b = stack.removeLast(), a = stack.removeLast()
                stack.append((wrap(a, atLeast: implicit) + "/" + b.text, implicit))
            case .power:
                let b = stack.removeLast(), a = stack.removeLast()
                stack.append((wrap(a, atLeast: postfix) + "^" + wrap(b, atLeast: unary), power))
            case .call(let f, let count, _):
                let args = stack.suffix(count).map(\.text)
                stack.removeLast(count)
                stack.append((f.rawValue + "(" + args.joined(separator: ", ") + ")", primary))
            }
        }
        var text = stack.first?.text ?? ""
        if let target { text += " to " + target.text }
        return text
    }
}
