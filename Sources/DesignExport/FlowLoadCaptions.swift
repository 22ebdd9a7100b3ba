import DesignModel

/// Edge labels for the diagram exports. With `FlowchartOptions.showLoad` a flow that states a
/// load adds it to its label (`DesignLoad.edgeLabel`): `shorten (HTTP) · 19.3K /s · 38.6 MB/s`.
/// A figure without a value is left out; the report's load table says why.
struct FlowCaptions {
    private var load: DesignLoad?

    init(_ design: Design, options: FlowchartOptions) {
        guard options.showLoad, design.flows.contains(where: { $0.rate != nil || $0.payload != nil }) else { return }
        load = DesignLoad(design)
    }

    /// The label of the flow at `index` in the design's flows.
    func caption(_ flow: Flow, at index: Int) -> String {
        let base = flowCaption(flow)
        guard let load, index < load.flows.count, let extra = load.edgeLabel(forFlowAt: index) else { return base }
        return base.isEmpty ? extra : base + " · " + extra
    }
}
