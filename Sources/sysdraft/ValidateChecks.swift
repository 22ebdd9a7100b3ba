import DesignModel

/// The design checks `validate` runs beyond file integrity (`LowLevelChecks`), as the lines it
/// prints: errors (a design that is wrong, such as two endpoints on one route; exit 1) and
/// warnings (worth a look; exit 1 only with --strict).
func designCheckLines(_ design: Design) -> (errors: [String], warnings: [String]) {
    let found = LowLevelChecks.run(design)
    return (found.filter { $0.severity == .error }.map(\.description),
            found.filter { $0.severity == .warning }.map(\.description))
}
