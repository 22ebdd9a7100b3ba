import DesignModel
import Foundation
@testable import Workspace

/// A catalogue with two items per stage, enough for reducer tests.
let testCatalogue = StageCatalogue(stages: StageKey.allCases.map {
    .init(key: $0, title: $0.label, shortTitle: $0.label, purpose: "Purpose of \($0.rawValue)",
          items: [.init(key: "\($0.rawValue).one", text: "First \($0.rawValue) item"),
                  .init(key: "\($0.rawValue).two", text: "Second \($0.rawValue) item")])
})

/// A fixed clock: every change is stamped with this time.
let fixedNow = Date(timeIntervalSince1970: 1_800_000_000)
let env = Environment(now: { fixedNow }, themeNames: { ["default", "light"] },
                      completePath: { prefix in ["designs/a.json", "designs/b.json"].filter { $0.hasPrefix(prefix) } })

func makeState(components: Int = 0) -> AppState {
    var d = Design(title: "Test", now: Date(timeIntervalSince1970: 1_700_000_000))
    for i in 0..<components { d.addComponent(name: "C\(i)", kind: .service) }
    return AppState(design: d, filePath: "/tmp/test.json", catalogue: testCatalogue)
}

/// Sends keys one by one, collecting effects.
@discardableResult
func send(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { Workspace.reduce(&state, .key($0), env) }
}

/// Types text key by key.
func type(_ state: inout AppState, _ text: String) {
    for c in text { _ = Workspace.reduce(&state, .key(.char(c)), env) }
}

extension AppState {
    var topForm: Form? {
        if case .form(let f)? = overlays.last { return f }
        return nil
    }
    var topConfirm: Confirm? {
        if case .confirm(let c)? = overlays.last { return c }
        return nil
    }
}
