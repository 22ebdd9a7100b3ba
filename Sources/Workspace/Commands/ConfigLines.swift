extension Workspace {
    /// `:config`: where the settings file is and every problem found in it at start, each in
    /// full (the status line only has room for the first).
    public static func configLines(_ state: AppState) -> [String] {
        var lines = ["Settings file: " + (state.configPath ?? "none (neither XDG_CONFIG_HOME nor HOME is set)")]
        if state.configProblems.isEmpty {
            lines.append("No problems: every setting and key binding in it is in use.")
        } else {
            lines.append("\(state.configProblems.count) problem\(state.configProblems.count == 1 ? "" : "s"); "
                         + "the default is used for each (fix the file and reopen sysdraft):")
            lines.append("")
            lines += state.configProblems.map { "• " + $0 }
        }
        lines += ["", "Key bindings go in [keys.CONTEXT] tables: KEY = \"command.id\" (? shows the ids)."]
        return lines
    }
}
