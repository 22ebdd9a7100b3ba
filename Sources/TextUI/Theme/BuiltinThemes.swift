// The built-in theme, used when no theme is chosen or the chosen one fails to load.
// It is the same as Themes/default.toml (a test parses the file and compares).

extension Theme {
    public static let fallback: Theme = {
        func c(_ i: UInt8) -> ThemeColor { .index(i) }
        let d = ThemeColor.terminalDefault
        let roles: [Role: RoleStyle] = [
            .normal: RoleStyle(fg: d, bg: d),
            .dim: RoleStyle(fg: c(245), fg8: d),
            .header: RoleStyle(fg: c(231), bg: c(24), fg8: .white, bg8: .blue, attributes: .bold),
            .title: RoleStyle(fg: c(111), fg8: .cyan, attributes: .bold),
            .border: RoleStyle(fg: c(240), fg8: d),
            .borderFocused: RoleStyle(fg: c(75), fg8: .cyan, attributes: .bold),
            .selection: RoleStyle(fg: c(231), bg: c(25), fg8: .white, bg8: .blue),
            .selectionInactive: RoleStyle(fg: c(252), bg: c(238), fg8: .black, bg8: .white),
            .cursor: RoleStyle(fg: c(16), bg: c(214), fg8: .black, bg8: .yellow),
            .accent: RoleStyle(fg: c(214), fg8: .yellow, attributes: .bold),
            .key: RoleStyle(fg: c(117), fg8: .cyan, attributes: .bold),
            .tag: RoleStyle(fg: c(176), fg8: .magenta),
            .statusBar: RoleStyle(fg: c(250), fg8: d),
            .message: RoleStyle(fg: c(252), fg8: d),
            .warning: RoleStyle(fg: c(214), fg8: .yellow, attributes: .bold),
            .error: RoleStyle(fg: c(203), fg8: .red, attributes: .bold),
            .success: RoleStyle(fg: c(114), fg8: .green),
            .timerOk: RoleStyle(fg: c(157), bg: c(24), fg8: .green, bg8: .blue, attributes: .bold),
            .timerWarn: RoleStyle(fg: c(222), bg: c(24), fg8: .yellow, bg8: .blue, attributes: .bold),
            .timerOver: RoleStyle(fg: c(231), bg: c(160), fg8: .white, bg8: .red, attributes: .bold),
            .diagramBox: RoleStyle(fg: c(153), fg8: .cyan),
            .diagramEdge: RoleStyle(fg: c(246), fg8: d),
            .diagramLabel: RoleStyle(fg: c(180), fg8: .yellow),
            .highlight: RoleStyle(fg: c(16), bg: c(220), fg8: .black, bg8: .yellow),
            .input: RoleStyle(fg: c(255), bg: c(237), fg8: d, bg8: d),
            .placeholder: RoleStyle(fg: c(242), fg8: d, attributes: .italic),
            .dialog: RoleStyle(fg: c(252), fg8: d),
        ]
        return Theme(name: "default", description: "Dark: terminal background, blue accents", roles: roles)
    }()
}
