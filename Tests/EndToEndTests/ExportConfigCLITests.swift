import Foundation
import Testing

/// `sysdraft export` reads `[report]` from config.toml; a broken entry is said on stderr.
@Suite struct ExportConfigCLITests {
    @Test func aBrokenReportSettingIsAWarningAndTheExportStillRuns() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.file("cfg/sysdraft"), withIntermediateDirectories: true)
        _ = try dir.write("cfg/sysdraft/config.toml", "[report]\nonly-started = \"yes\"\n")
        let r = try sysdraft("export", Repo.example, env: ["XDG_CONFIG_HOME": dir.file("cfg")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("# "), "the report is still written")
        #expect(r.stderr.contains("warning:") && r.stderr.contains("config.toml:2"), "\(r.stderr)")
        #expect(r.stderr.contains("only-started"))

        // A good config prints nothing on stderr.
        _ = try dir.write("cfg/sysdraft/config.toml", "[report]\nonly-started = true\n")
        let quiet = try sysdraft("export", Repo.example, env: ["XDG_CONFIG_HOME": dir.file("cfg")])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }
}
