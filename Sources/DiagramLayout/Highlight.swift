// Highlighting: which cells belong to a box, its edges and their labels, so a view can draw
// one component (or a scenario's path) bright and the rest dim.

extension Diagram {
    /// Cells belonging to `node`'s box, its edges (paths, arrowheads) and their labels, row-major.
    /// All false when the id is unknown.
    public func highlightMask(node id: String) -> [Bool] {
        guard let n = nodeIDs.firstIndex(of: id) else { return [Bool](repeating: false, count: width * height) }
        var edges: [Int] = []
        for (e, ends) in edgeEnds.enumerated() where ends.from == n || ends.to == n { edges.append(e) }
        return highlightMask(nodes: [id], edges: edges)
    }

    /// Cells of the given boxes and edges (by the ids the graph gave them), with the edges'
    /// labels: for highlighting a path through the design (a scenario) and dimming the rest.
    public func highlightMask(nodes: Set<String>, edgeIDs: Set<String>) -> [Bool] {
        var edges: [Int] = []
        for (e, id) in self.edgeIDs.enumerated() { if let id, edgeIDs.contains(id) { edges.append(e) } }
        return highlightMask(nodes: nodes, edges: edges)
    }

    /// Cells of the given boxes (by id) and edges (by input index), with the edges' labels:
    /// for highlighting a path through the design (a scenario) and dimming the rest.
    public func highlightMask(nodes: Set<String>, edges: [Int]) -> [Bool] {
        var mask = [Bool](repeating: false, count: width * height)
        func fill(_ r: DiagramRect) {
            for y in max(0, r.y)..<min(height, r.maxY) { for x in max(0, r.x)..<min(width, r.maxX) { mask[y * width + x] = true } }
        }
        for id in nodes { if let r = nodeRects[id] { fill(r) } }
        for e in edges where e >= 0 && e < edgePaths.count {
            for p in edgePaths[e] where p.x >= 0 && p.y >= 0 && p.x < width && p.y < height { mask[p.y * width + p.x] = true }
            // The border cell an edge leaves from (its junction glyph).
            if let lr = edgeLabelRects[e] { fill(lr) }
        }
        return mask
    }
}
