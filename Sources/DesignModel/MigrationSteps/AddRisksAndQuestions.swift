extension Migrations {
    /// Adds the risk and open-question lists, a free-text protocol name on flows, and the
    /// drivers (requirement ids) of each decision. Nothing that was there changes.
    static let addRisksAndQuestions = Migration(from: 1, summary: "risks, open questions, protocol names, decision drivers") { old in
        var new = old
        new["risks"] = old["risks"] ?? [[String: Any]]()
        new["questions"] = old["questions"] ?? [[String: Any]]()
        new["flows"] = try list(old, "flows").map { f -> [String: Any] in
            var n = f
            if n["protocolName"] == nil { n["protocolName"] = "" }
            return n
        }
        new["tradeOffs"] = try list(old, "tradeOffs").map { t -> [String: Any] in
            var n = t
            if n["drivers"] == nil { n["drivers"] = [String]() }
            return n
        }
        return new
    }
}
