import TerminalText

// Text and sizes: box text wrapped to its maximum width, edge labels wrapped or turned into
// numbered references, and box sizes from their text, their ports and their self-loops.

/// An edge label as drawn: its lines (or the marker `(n)` of a reference).
struct EdgeLabelText {
    var lines: [String]
    var widths: [Int]
    /// Legend number when the label is shown as a reference.
    var reference: Int?
    var width: Int { widths.max() ?? 0 }
}

/// Everything the layout needs to know about the input, sanitised and measured.
struct Prepared {
    let options: DiagramOptions
    let tb: Bool
    var ids: [String] = []
    var boxLines: [[String]] = []
    var boxLineWidths: [[Int]] = []
    var tagColumns: [Int] = []
    /// The box's name on one line, for legend entries.
    var displayName: [String] = []
    /// Input edges resolved to node indices.
    var ends: [(Int, Int)] = []
    var labels: [EdgeLabelText?] = []
    /// The full label text of each labelled edge (sanitised, one line).
    var fullLabels: [String?] = []
    var legend: [String] = []
    var dashed: [Bool] = []
    var bothEnds: [Bool] = []
    var edgeIDs: [String?] = []
    var groups = GroupTree()

    var count: Int { ids.count }
    var ellipsis: Character { options.ascii ? "~" : "…" }

    init(graph: DiagramGraph, options: DiagramOptions) {
        self.options = options
        tb = options.direction == .topToBottom
        var index: [String: Int] = [:]
        var labels: [String] = []
        var tags: [String?] = []
        func add(_ id: String, _ label: String, _ tag: String?) -> Int {
            if let i = index[id] { return i }
            index[id] = ids.count
            ids.append(id)
            labels.append(label)
            tags.append(tag)
            return ids.count - 1
        }
        for n in graph.nodes { _ = add(n.id, n.label, n.tag) }
        for e in graph.edges {
            let u = add(e.from, e.from, nil)
            let v = add(e.to, e.to, nil)
            ends.append((u, v))
            dashed.append(e.dashed)
            bothEnds.append(e.bothEnds)
            edgeIDs.append(e.id)
        }
        let ell = ellipsis
        let mw = options.maxLabelWidth
        for i in 0..<ids.count {
            var label = LabelText.sanitize(labels[i].isEmpty ? ids[i] : labels[i])
            if label.allSatisfy({ $0 == " " }) { label = "?" }
            var tagText = ""
            if let t = tags[i] {
                let cleaned = LabelText.sanitize(t).split(separator: " ").joined(separator: "_")
                if !cleaned.isEmpty {
                    tagText = "[" + LabelText.truncate(cleaned, width: max(1, min(8, mw - 2)), ellipsis: ell) + "]"
                }
            }
            let content = tagText.isEmpty ? label : tagText + " " + label
            let lines = LabelText.wrap(content, width: mw, maxLines: options.maxLabelLines, ellipsis: ell)
            boxLines.append(lines)
            boxLineWidths.append(lines.map { DisplayWidth.of($0) })
            tagColumns.append(DisplayWidth.of(tagText))
            displayName.append(label)
        }
        groups = GroupTree(graph: graph, nodeIDs: ids, nodeIndex: index, ellipsis: ell)

        let arrow = options.ascii ? "->" : "→"
        for (k, e) in graph.edges.enumerated() {
            guard let raw = e.label else { self.labels.append(nil); fullLabels.append(nil); continue }
            let text = LabelText.sanitize(raw)
            if text.allSatisfy({ $0 == " " }) { self.labels.append(nil); fullLabels.append(nil); continue }
            fullLabels.append(text)
            let selfLoop = ends[k].0 == ends[k].1
            var lines: [String]? = nil
            if !options.edgeLabelsAsReferences {
                lines = LabelText.wrapBalanced(text, width: options.edgeLabelWidth,
                                               maxLines: selfLoop ? 1 : options.edgeLabelLines)
            }
            if let lines {
                self.labels.append(EdgeLabelText(lines: lines, widths: lines.map { DisplayWidth.of($0) }))
            } else {
                let n = legend.count + 1
                let marker = "(\(n))"
                legend.append(marker + " " + displayName[ends[k].0] + " " + arrow + " " + displayName[ends[k].1] + ": " + text)
                self.labels.append(EdgeLabelText(lines: [marker], widths: [marker.count], reference: n))
            }
        }
    }

    /// The box's size along the text lines (columns) and across them (rows), before ports.
    func textSize(_ v: Int) -> (width: Int, height: Int) {
        (max(boxLineWidths[v].max() ?? 0, 1) + 4, boxLines[v].count + 2)
    }
}

/// Box sizes on the order axis (along a layer) and the rank axis (across layers), with room for
/// ports and self-loops.
enum Sizing {
    /// Cells a side needs for `k` ports: spread two apart when the side has room, one apart
    /// (never more than the box needs for its text) otherwise.
    static func sideLength(ports k: Int, text: Int) -> Int {
        if k <= 1 { return text }
        return max(text, k)
    }

    /// Spacing between ports on a side of `length` inner cells.
    static func portSpacing(ports k: Int, length: Int) -> Int {
        k > 1 && length >= 2 * k - 1 ? 2 : 1
    }
}
