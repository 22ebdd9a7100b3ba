import Testing
@testable import TextUI
import Workspace

/// `[keys.CONTEXT]` and `[report]` in config.toml: read with their line numbers.
@Suite struct KeysConfigTests {
    let text = """
        theme = "light"

        [keys.panes]
        x = "item.delete"
        "Ctrl-X" = "app.quit"

        [keys.form]
        "Ctrl-G" = "form.save"
        bad = 3

        [report]
        only-started = true
        hide-unticked = "yes"
        shuffle = true

        [colours]
        a = 1
        """

    @Test func bindingsComeWithTheirLines() {
        let (settings, _) = UserSettings.parse(text: text, name: "config.toml")
        #expect(settings.keyOverrides == [
            KeyOverride(context: "panes", key: "x", action: "item.delete", line: 4),
            KeyOverride(context: "panes", key: "Ctrl-X", action: "app.quit", line: 5),
            KeyOverride(context: "form", key: "Ctrl-G", action: "form.save", line: 8),
        ])
        #expect(settings.reportOnlyStarted == true)
        #expect(settings.reportHideUnticked == nil)
    }

    @Test func problemsNameTheirLines() {
        let (_, problems) = UserSettings.parse(text: text, name: "config.toml")
        let lines = problems.map(\.description)
        #expect(lines.contains { $0.hasPrefix("config.toml:9:") && $0.contains("must be a name in quotes") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("config.toml:13:") && $0.contains("true or false") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("config.toml:14:") && $0.contains("unknown report setting") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("config.toml:16:") && $0.contains("unknown table [colours]") }, "\(lines)")
    }
}
