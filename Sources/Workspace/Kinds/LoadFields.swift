import DesignModel
import Estimates

/// The load fields of the flow and component forms (rate and payload; capacity and instance
/// count): reading them back, and the live preview of what they come to.
enum LoadFields {
    /// A load field's text, or nil when the form has no such field; "" clears it.
    static func read(_ form: Form, _ key: String) -> String?? {
        guard form[key] != nil else { return .none }
        let text = FormText.trimmed(form.text(key))
        return .some(text.isEmpty ? nil : text)
    }

    /// A figure as a note: `= 2.0K /s`, its error (with the column), or what it waits for.
    static func note(_ figure: DesignLoad.Figure, suffix: String = "") -> Form.Note {
        switch figure.status {
        case .value: Form.Note("= " + figure.text + suffix, .value)
        case .error(let e): Form.Note(e.message, .error, column: e.column)
        case .dependsOnError(let names):
            Form.Note("no value: uses " + names.joined(separator: ", ") + ", which "
                      + (names.count == 1 ? "has an error" : "have errors"), .error)
        }
    }

    /// A hint under an empty field, shown while the cursor is in it.
    static func hint(_ form: Form, _ key: String, _ text: String) -> Form.Note? {
        form.fields.indices.contains(form.focus) && form.fields[form.focus].key == key ? Form.Note(text, .hint) : nil
    }

    static func flowPreview(_ form: inout Form, _ state: AppState) {
        guard form["rate"] != nil || form["payload"] != nil else { return }
        var f = Flow(id: ItemID("flow-0"), from: ItemID("comp-0"), to: ItemID("comp-0"))
        f.rate = read(form, "rate") ?? nil
        f.payload = read(form, "payload") ?? nil
        let load = DesignLoad.flow(f, sheet: state.estimateCache.sheet)
        var notes = form.notes
        notes["rate"] = load.rate.map { note($0) } ?? hint(form, "rate", "per time: 2K /s, 100M /day, or an estimate")
        if let p = load.payload {
            notes["payload"] = note(p, suffix: load.bandwidth.map { " each · bandwidth " + $0.text } ?? "")
        } else {
            notes["payload"] = hint(form, "payload", "the size of one: 2 KB, 500 B, or an estimate")
        }
        form.notes = notes
    }

    static func componentPreview(_ form: inout Form, _ state: AppState) {
        guard form["capacity"] != nil || form["instances"] != nil else { return }
        let id = ItemID<Component>(form.target.editedID ?? "comp-0")
        var c = Component(id: id, name: "", kind: .service)
        c.capacity = read(form, "capacity") ?? nil
        c.instances = read(form, "instances") ?? nil
        // The flows' loads come from the cache (kept current with the design), by position.
        let loads = state.estimateCache.load.flows
        let incoming = c.capacity == nil || form.target.editedID == nil ? []
            : state.design.flows.indices.filter { state.design.flows[$0].to == id }.map { loads[$0] }
        let load = DesignLoad.component(c, incoming: incoming, sheet: state.estimateCache.sheet)
        var notes = form.notes
        if let cap = load.capacity {
            var n = note(cap, suffix: " per instance")
            if case .value = cap.status {
                if let total = load.totalCapacity, load.instances != nil { n.text += ", \(total.text) in all" }
                if let arriving = load.incoming, arriving.quantity != nil, load.flowsCounted > 0 {
                    n.text += "; \(arriving.text) arrives (\(DesignLoad.percent(load.utilisation)))"
                    if load.isOverloaded {
                        n.text += ": over capacity"
                        n.kind = .error
                    }
                }
            }
            notes["capacity"] = n
        } else {
            notes["capacity"] = hint(form, "capacity", "what one instance handles: 2K /s, 100 MB/s, or an estimate")
        }
        notes["instances"] = load.instances.map { note($0) } ?? hint(form, "instances", "how many run; empty means one")
        form.notes = notes
    }
}
