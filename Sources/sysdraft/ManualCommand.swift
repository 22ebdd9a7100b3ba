import ArgumentParser
import Foundation

/// `sysdraft generate-manual`: writes sysdraft(1) to standard output (used by `make install`).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Write the sysdraft(1) manual page (mdoc) to standard output.",
        shouldDisplay: false
    )

    func run() throws {
        // SOURCE_DATE_EPOCH makes the page's date repeatable (reproducible builds).
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let date = epoch.map { Date(timeIntervalSince1970: $0) } ?? Date()
        print(ManualPage.render(try ToolDescription.current(), date: date), terminator: "")
    }
}
