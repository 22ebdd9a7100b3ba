import App
import DesignModel
import DesignStorage
import Foundation
import TextUI
import Workspace

/// The repository, for the bundled Assets/ (catalogue, plans, problems).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var assets: AssetLocator { AssetLocator(root: root) }
    static var catalogue: StageCatalogue { try! assets.catalogue() }
}
