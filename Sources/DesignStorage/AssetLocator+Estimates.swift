import Estimates
import Foundation

extension AssetLocator {
    public static let estimateTemplatesPath = "Assets/estimates/templates.json"
    public static let referenceCardPath = "Assets/estimates/reference.json"

    /// The estimate templates (Assets/estimates/templates.json).
    public func estimateTemplates() throws -> EstimateTemplates {
        let (data, name) = try read(Self.estimateTemplatesPath)
        do { return try EstimateTemplates.decode(data) } catch {
            throw StorageError(path: name, message: "\(error)")
        }
    }

    /// The reference card (Assets/estimates/reference.json).
    public func referenceCard() throws -> ReferenceCard {
        let (data, name) = try read(Self.referenceCardPath)
        do { return try ReferenceCard.decode(data) } catch {
            throw StorageError(path: name, message: "\(error)")
        }
    }

    private func read(_ path: String) throws -> (Data, String) {
        guard let file = file(path) else {
            throw StorageError(path: path, message: "missing from this build of sysdraft")
        }
        return (try file.data(), file.display)
    }
}
