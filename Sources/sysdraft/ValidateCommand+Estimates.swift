import DesignModel
import Foundation

extension ValidateCommand {
    /// Reports the design's estimate and load findings: errors on standard error (returns
    /// true when there were any), warnings added to `warnings`.
    static func checkEstimates(_ design: Design, file: String, warnings: inout [String]) -> Bool {
        let findings = design.estimateFindings()
        warnings += findings.filter { $0.severity == .warning }.map { "\($0)" }
        let errors = findings.filter { $0.severity == .error }
        for e in errors { printError("\(file): \(e)") }
        return !errors.isEmpty
    }
}
