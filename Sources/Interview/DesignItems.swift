import DesignModel
import Foundation

/// One item of any of the design's lists, seen generically: the coaching code does not know the
/// item types, so lists added to `Design` later (endpoints, entities, estimates, scenarios,
/// risks, …) are picked up without changes here; only `names` wants a line per kind.
public struct DesignItem: Equatable, Sendable {
    /// The `Design` property holding the list (`components`).
    public var list: String
    public var id: String
    /// A short title: the first of name, title, text, label, … that is not empty.
    public var title: String
    /// Every piece of text in the item (names, descriptions, notes, enum values), for matching.
    public var text: String
    /// The item's own fields that are text or enum values (`kind` → `non-functional`).
    public var fields: [String: String]
}

public enum DesignItems {
    /// Display names of the design's item lists: one line per kind. A list missing here is still
    /// tracked, under a name made from its property name.
    public static let names: [String: (singular: String, plural: String)] = [
        "requirements": ("requirement", "requirements"),
        "components": ("component", "components"),
        "flows": ("data flow", "data flows"),
        "tradeOffs": ("trade-off", "trade-offs"),
        "endpoints": ("endpoint", "endpoints"),
        "entities": ("entity", "entities"),
        "estimates": ("estimate", "estimates"),
        "scenarios": ("scenario", "scenarios"),
        "risks": ("risk", "risks"),
        "questions": ("open question", "open questions"),
        "conflicts": ("merge conflict", "merge conflicts"),
        "acceptedFindings": ("accepted review finding", "accepted review findings"),
        "groups": ("group", "groups"),
        // Not item lists, but places the timeline records changes in.
        "stages": ("stage note", "stage notes"),
        "checklist": ("checklist item", "checklist items"),
        "design": ("design detail", "design details"),
    ]

    /// `names`, or words made from the property name (`apiKeys` → api key / api keys).
    public static func name(of list: String, count: Int = 1) -> String {
        if let n = names[list] { return count == 1 ? n.singular : n.plural }
        var words = ""
        for c in list {
            if c.isUppercase { words += " " + c.lowercased() } else { words.append(c) }
        }
        if count == 1, words.hasSuffix("s") { words.removeLast() }
        return words
    }

    /// Titles are looked for in these fields, in order.
    static let titleFields = ["name", "title", "text", "label", "summary", "question", "path", "description"]

    /// Whether this build's design has an `estimates` list. Until it has (the calculator adds it),
    /// estimate-like text in requirements and stage notes counts as an estimate instead.
    public static let designHasEstimates: Bool = {
        let empty = Design(title: "", now: Date(timeIntervalSince1970: 0))
        return Mirror(reflecting: empty).children.contains { $0.label == "estimates" }
    }()

    /// The design's item lists: every array property whose elements are `Identified` items, in
    /// declaration order.
    static func lists(_ design: Design) -> [(key: String, value: any DesignItemList)] {
        Mirror(reflecting: design).children.compactMap { child in
            guard let key = child.label, let list = child.value as? any DesignItemList else { return nil }
            return (key, list)
        }
    }

    /// Every item of every list, for coverage checks and the baseline of a session.
    public static func all(in design: Design) -> [DesignItem] {
        lists(design).flatMap { key, list in list.allItems.map { item(key, $0, design) } }
    }

    /// The generic view of one element.
    static func item(_ list: String, _ element: Any, _ design: Design) -> DesignItem {
        var fields: [String: String] = [:]
        var refs: [String: String] = [:]
        var id = ""
        var texts: [String] = []
        for child in Mirror(reflecting: element).children {
            guard let label = child.label else { continue }
            if label == "id" { id = scalarText(child.value) ?? ""; continue }
            if isIdentifier(child.value) {
                if let s = scalarText(child.value) { refs[label] = s }
                continue
            }
            if let s = scalarText(child.value) { fields[label] = s }
            collect(child.value, into: &texts, depth: 0)
        }
        var title = titleFields.lazy.compactMap { fields[$0] }
            .first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? ""
        if list == "flows" {
            // A flow is known by its ends.
            let from = refs["from"].flatMap { f in design.components.first { $0.id.rawValue == f }?.name }
            let to = refs["to"].flatMap { t in design.components.first { $0.id.rawValue == t }?.name }
            if let from, let to { title = "\(from) → \(to)" + (title.isEmpty ? "" : ": " + title) }
        }
        return DesignItem(list: list, id: id, title: title.isEmpty ? id : oneLine(title),
                          text: texts.joined(separator: " · "), fields: fields)
    }

    /// A string, an integer or a string-valued enum as text; nil for anything else.
    static func scalarText(_ value: Any) -> String? {
        if let s = value as? String { return s }
        if let n = value as? Int { return String(n) }
        if let r = value as? any RawRepresentable, let s = r.rawValue as? String { return s }
        let m = Mirror(reflecting: value)
        if m.displayStyle == .optional { return m.children.first.flatMap { scalarText($0.value) } }
        if isIdentifier(value), let raw = m.children.first(where: { $0.label == "rawValue" })?.value as? String { return raw }
        return nil
    }

    /// Ids (`ItemID<…>`, also optional) are references, not content: they are left out of the
    /// text so `comp-3` never reads as a number.
    static func isIdentifier(_ value: Any) -> Bool {
        let name = String(describing: type(of: value))
        return name.hasPrefix("ItemID<") || name.hasPrefix("Optional<ItemID<")
    }

    static func collect(_ value: Any, into out: inout [String], depth: Int) {
        if isIdentifier(value) || value is Date || value is Bool { return }
        if let s = value as? String { if !s.isEmpty && !looksLikeID(s) { out.append(s) }; return }
        if let n = value as? Int { out.append(String(n)); return }
        if let r = value as? any RawRepresentable, let s = r.rawValue as? String { out.append(s); return }
        guard depth < 5 else { return }
        for child in Mirror(reflecting: value).children { collect(child.value, into: &out, depth: depth + 1) }
    }

    /// A whole string of the form of an item id (`comp-3`, `trade-12`): a reference kept as plain
    /// text (what a risk concerns), left out of the text like `ItemID`s are.
    static func looksLikeID(_ s: String) -> Bool {
        guard let dash = s.lastIndex(of: "-"), dash != s.startIndex else { return false }
        let prefix = s[..<dash], number = s[s.index(after: dash)...]
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
            && prefix.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    /// One line, at most 60 characters, for timeline entries.
    public static func oneLine(_ text: String, limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
