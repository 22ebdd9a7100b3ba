import Estimates

extension Design {
    /// What `validate` reports about estimates and load, beyond the integrity checks that
    /// decide whether a file opens at all (a design with a broken expression still opens: the
    /// workspace shows the error on its row).
    ///
    /// Errors: estimates with a bad or duplicate name or an expression that does not evaluate
    /// (parse, unknown name, dimension, division by zero, overflow, cycle); flow rates and
    /// payloads, component capacities and instance counts that do not evaluate or have the
    /// wrong dimension. Rows that only depend on an error are not repeated. Warnings:
    /// components whose incoming load exceeds capacity × instances.
    public func estimateFindings(load: DesignLoad? = nil) -> [Finding] {
        let load = load ?? DesignLoad(self)
        var out: [Finding] = []
        for (i, e) in estimates.enumerated() {
            guard case .error(let err) = load.sheet.statuses[i] else { continue }
            let field: String
            switch err.kind {
            case .badName, .duplicateName: field = "name"
            default: field = "expression"
            }
            out.append(Finding(.error, "estimates[\(i)].\(field)", "estimate \(e.id) \"\(e.name)\": \(err)"))
        }
        func check(_ figure: DesignLoad.Figure?, _ path: String, _ owner: String) {
            if case .error(let err)? = figure?.status { out.append(Finding(.error, path, "\(owner): \(err)")) }
        }
        for (i, f) in load.flows.enumerated() {
            check(f.rate, "flows[\(i)].rate", "flow \(f.id)")
            check(f.payload, "flows[\(i)].payload", "flow \(f.id)")
        }
        for (i, c) in load.components.enumerated() {
            let name = components[i].name
            check(c.capacity, "components[\(i)].capacity", "component \(c.id) \"\(name)\"")
            check(c.instances, "components[\(i)].instances", "component \(c.id) \"\(name)\"")
            if c.isOverloaded, let incoming = c.incoming, let total = c.totalCapacity {
                out.append(Finding(.warning, "components[\(i)]",
                                   "component \(c.id) \"\(name)\" receives \(incoming.text), more than its capacity "
                                   + "of \(total.text) (\(DesignLoad.percent(c.utilisation)) used)"))
            }
        }
        return out
    }
}

extension DesignLoad {
    /// A utilisation as a whole percentage (`154 %`), or `—` when unknown.
    public static func percent(_ u: Double?) -> String {
        guard let u else { return "—" }
        if !u.isFinite { return "∞ %" }
        return "\(Int((u * 100).rounded())) %"
    }
}
