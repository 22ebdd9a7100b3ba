/// A place in a design's JSON: object keys and, in lists of items, item ids.
///
/// Written as `components[comp-3].name`: keys joined by `.`, an item as its id in brackets
/// (`]` and `\` inside an id are escaped with `\`). The empty path is the design itself.
public enum PathStep: Hashable, Sendable {
    case key(String)
    case item(String)
}

public struct TreePath: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var steps: [PathStep]

    public init(_ steps: [PathStep] = []) { self.steps = steps }

    public func appending(_ step: PathStep) -> TreePath { TreePath(steps + [step]) }
    public func appending(key: String) -> TreePath { appending(.key(key)) }
    public func appending(item: String) -> TreePath { appending(.item(item)) }

    public var isEmpty: Bool { steps.isEmpty }

    /// The id of the innermost item on the path, if any.
    public var lastItem: String? {
        for s in steps.reversed() { if case .item(let id) = s { return id } }
        return nil
    }

    /// The id of the outermost item on the path, if any.
    public var firstItem: String? {
        for s in steps { if case .item(let id) = s { return id } }
        return nil
    }

    public var description: String {
        var out = ""
        for s in steps {
            switch s {
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += k
            case .item(let id):
                out += "["
                for c in id {
                    if c == "]" || c == "\\" { out.append("\\") }
                    out.append(c)
                }
                out += "]"
            }
        }
        return out
    }

    /// Reads the written form back; nil when it is malformed.
    public init?(parsing text: String) {
        var steps: [PathStep] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == "[" {
                chars = chars.dropFirst()
                var id = ""
                var closed = false
                while let d = chars.first {
                    chars = chars.dropFirst()
                    if d == "\\" {
                        guard let e = chars.first else { return nil }
                        id.append(e)
                        chars = chars.dropFirst()
                    } else if d == "]" {
                        closed = true
                        break
                    } else {
                        id.append(d)
                    }
                }
                guard closed else { return nil }
                steps.append(.item(id))
            } else {
                if c == "." {
                    guard !steps.isEmpty else { return nil }
                    chars = chars.dropFirst()
                }
                var key = ""
                while let d = chars.first, d != ".", d != "[" {
                    key.append(d)
                    chars = chars.dropFirst()
                }
                guard !key.isEmpty else { return nil }
                steps.append(.key(key))
            }
        }
        self.steps = steps
    }

    public static func < (a: TreePath, b: TreePath) -> Bool { a.description < b.description }
}
