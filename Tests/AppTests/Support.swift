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

/// A whole workspace in memory: a file system that fails on demand, a fake clock, an in-memory
/// terminal. `open` reads a design through a real `DocumentSession`, as `sysdraft FILE` does.
final class World {
    let fs = InMemoryFileSystem()
    let clock = FakeClock(start: .seconds(1_000))
    let backend: TestBackend
    let crash = RecordingCrashKeeper()
    var env: Environment {
        let clock = clock
        return Environment(now: { clock.date }, monotonic: { clock.now }, scrollLimit: WorkspaceView.scrollLimit)
    }

    init(size: ScreenSize = ScreenSize(columns: 120, rows: 36)) {
        backend = TestBackend(size: size, clock: clock)
    }

    static let folder = "/home/ann/designs"
    static let doc = folder + "/d.json"

    /// Puts a design on the fake disk.
    @discardableResult
    func file(_ path: String = World.doc, _ design: Design = World.sample(), permissions: UInt32 = 0o644) -> Data {
        let data = try! DesignCodec.encode(design)
        fs.addFile(path, data, permissions: permissions)
        return data
    }

    static func sample(requirements: Int = 2, components: Int = 3) -> Design {
        var d = Design(title: "Chat", now: Date(timeIntervalSince1970: 1_790_000_000))
        for i in 0..<requirements { d.addRequirement(.functional, "Requirement \(i)") }
        for i in 0..<components { d.addComponent(name: "Component \(i)", kind: .service) }
        return d
    }

    /// Opens `path` as the workspace would (lock taken; no recovery prompt) and returns the loop.
    func open(_ path: String = World.doc, readOnly: Bool = false, options: WorkspaceStart.Options = .init(),
              crashKeeper: Bool = false) throws -> WorkspaceLoop {
        let session = try DocumentSession(opening: path, readOnly: readOnly, fileSystem: fs)
        if case .heldElsewhere = session.takeLock() { session.becomeReadOnly(because: "open in another sysdraft") }
        var options = options
        options.date = clock.date
        let state = WorkspaceStart.state(session: session, catalogue: Repo.catalogue, options: options)
        return WorkspaceLoop(state: state, session: session, backend: backend, environment: env,
                             crashKeeper: crashKeeper ? crash : nil,
                             newDesign: { [clock] in WorkspaceStart.newDesign(at: $0, now: clock.date) })
    }

    func design(at path: String = World.doc) -> Design? {
        fs.contents(path).flatMap { try? DesignCodec.decode($0) }
    }

    var recoveryPath: String { World.folder + "/.d.json.sysdraft-recovery" }
}

/// What the crash handler would write, recorded.
final class RecordingCrashKeeper: CrashKeeping {
    private(set) var kept: [(data: Data, path: String)] = []
    private(set) var current: Data?

    func keep(_ data: Data, recoveryPath: String) {
        kept.append((data, recoveryPath))
        current = data
    }

    func forget() { current = nil }

    var currentDesign: Design? { current.flatMap { try? DesignCodec.decode($0) } }
}

extension TestBackend {
    /// The status line (the last row).
    var statusLine: String { lines().last ?? "" }
}
