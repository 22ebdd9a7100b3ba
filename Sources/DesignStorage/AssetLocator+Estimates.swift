import Estimates
import Foundation

extension AssetLocator {
    public var estimateTemplatesFile: URL { assets.appendingPathComponent("estimates/templates.json") }
    public var referenceCardFile: URL { assets.appendingPathComponent("estimates/reference.json") }

    /// The estimate templates shipped in Assets/estimates/templates.json.
    public func estimateTemplates() throws -> EstimateTemplates {
        let data = try AtomicFile.read(estimateTemplatesFile.path)
        do { return try EstimateTemplates.decode(data) } catch {
            throw StorageError(path: estimateTemplatesFile.path, message: "\(error)")
        }
    }

    /// The reference card shipped in Assets/estimates/reference.json.
    public func referenceCard() throws -> ReferenceCard {
        let data = try AtomicFile.read(referenceCardFile.path)
        do { return try ReferenceCard.decode(data) } catch {
            throw StorageError(path: referenceCardFile.path, message: "\(error)")
        }
    }
}
