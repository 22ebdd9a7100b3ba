// swift-tools-version: 6.1
import PackageDescription

// Layers, bottom to top. Only CursesTerminal imports ncurses (CNcursesw).
//   TerminalText     display width of text and sanitising of untrusted text (pure)
//   Estimates        the unit-aware calculator, estimate sheets, templates, reference card (pure)
//   DesignModel      the document: types, ids, integrity, JSON codec, migrations (pure)
//   DesignStorage    crash-safe files, locks, recovery, asset lookup (file I/O)
//   DesignReview     the design review: rules, findings, accepted findings, JSON/SARIF/text output (pure)
//   DesignExport     Markdown / Mermaid / DOT / JSON exporters (pure)
//   DiagramLayout    boxes-and-arrows layout and text rendering (pure)
//   SequenceDiagram  text sequence diagrams: lifelines, messages, nested frames (pure)
//   Interview        interview plans, practice problems, timer logic (pure)
//   Workspace        app state, actions, reducer, keymap, undo (pure)
//   TextUI           cell grid, display width, sanitising, themes, views (pure)
//   CursesTerminal   the ncurses backend
//   App              the run loop and its effects, on any terminal backend
//   sysdraft         the executable (ArgumentParser commands)
let package = Package(
    name: "sysdraft",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sysdraft", targets: ["sysdraft"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "TerminalText"),
        // Seeded generators and golden files shared by tests and benchmarks (not part of the product).
        .target(name: "TestSupport", dependencies: ["DiagramLayout", "DesignModel"]),
        .target(name: "Estimates"),
        .target(name: "DesignModel", dependencies: ["Estimates", "TerminalText"]),
        .target(name: "DesignStorage", dependencies: ["DesignModel", "Estimates", "BuiltinData"]),
        // Assets/ and Themes/ compiled into the program at build time (Plugins/EmbedData).
        .target(name: "BuiltinData", exclude: ["Assets", "Themes"], plugins: ["EmbedData"]),
        .executableTarget(name: "sysdraft-embed"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["sysdraft-embed"]),
        .target(name: "DesignReview", dependencies: ["DesignModel", "Estimates"]),
        .target(name: "DesignExport", dependencies: ["DesignModel", "DiagramLayout", "SequenceDiagram", "TerminalText", "Estimates", "Interview", "DesignReview"]),
        .target(name: "DiagramLayout", dependencies: ["TerminalText"]),
        .target(name: "SequenceDiagram", dependencies: ["TerminalText"]),
        .target(name: "Interview", dependencies: ["DesignModel"]),
        .target(name: "DesignDiff", dependencies: ["DesignModel", "DesignExport"]),
        .target(name: "DesignImport", dependencies: ["DesignModel"]),
        .target(name: "Workspace", dependencies: ["DesignModel", "DesignExport", "DiagramLayout", "Interview", "DesignDiff", "SequenceDiagram", "DesignReview", "Estimates"]),
        .target(name: "TextUI", dependencies: [
            "TerminalText", "Workspace", "DiagramLayout", "SequenceDiagram", "DesignReview", "Estimates",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Async-signal-safe signal and crash handling, in C (see sd_signals.c).
        .target(name: "CSignals"),
        .target(name: "CursesTerminal", dependencies: ["TextUI", "CNcursesw", "CSignals"]),
        // The run loop and its effects, on any TerminalBackend (tests drive it on TestBackend).
        .target(name: "App", dependencies: [
            "DesignModel", "DesignStorage", "DesignExport", "Interview", "Workspace", "TextUI", "CSignals", "DesignReview",
        ]),
        .executableTarget(name: "sysdraft", dependencies: [
            "TerminalText", "DesignModel", "DesignStorage", "DesignExport", "DiagramLayout", "Interview",
            "Workspace", "TextUI", "CursesTerminal", "SequenceDiagram", "App", "Estimates", "DesignDiff", "DesignImport",
            "DesignReview",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "sysdraft-bench", dependencies: [
            "DesignModel", "DesignStorage", "DesignExport", "DiagramLayout", "Workspace", "TextUI", "TestSupport", "App",
            "SequenceDiagram", "Estimates", "DesignDiff", "DesignImport", "Interview", "DesignReview",
        ]),

        .testTarget(name: "DesignModelTests", dependencies: ["DesignModel", "TestSupport", "Estimates"], exclude: ["Fixtures"]),
        .testTarget(name: "DesignStorageTests", dependencies: ["DesignModel", "DesignStorage"]),
        .testTarget(name: "DesignExportTests", dependencies: ["DesignModel", "DesignStorage", "DesignExport", "DiagramLayout", "TerminalText", "TestSupport", "Estimates", "Interview", "DesignReview"], exclude: ["Golden"]),
        .testTarget(name: "DiagramLayoutTests", dependencies: [
            "DiagramLayout", "TerminalText", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Golden"]),
        .testTarget(name: "SequenceDiagramTests", dependencies: [
            "SequenceDiagram", "TerminalText", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "InterviewTests", dependencies: ["Interview", "DesignModel", "DesignStorage", "TestSupport"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "DesignModel", "Interview", "TestSupport", "DesignDiff", "DesignReview", "Estimates"]),
        .testTarget(name: "TextUITests", dependencies: ["TextUI", "TerminalText", "TestSupport", "Workspace", "DesignModel", "DesignStorage", "Interview", "Estimates"],
                    exclude: ["Golden"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNcursesw", "CSignals"]),
        .testTarget(name: "AppTests", dependencies: [
            "App", "TextUI", "Workspace", "DesignModel", "DesignStorage", "Interview", "TestSupport", "DesignDiff",
        ]),
        .testTarget(name: "EstimatesTests", dependencies: [
            "Estimates", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DesignDiffTests", dependencies: [
            "DesignDiff", "DesignModel", "DesignExport", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DesignImportTests", dependencies: [
            "DesignImport", "DesignModel", "DesignExport", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DesignReviewTests", dependencies: ["DesignReview", "DesignModel", "TestSupport"]),
        .testTarget(name: "BuiltinDataTests", dependencies: ["BuiltinData", "DesignStorage", "DesignModel", "Estimates"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DesignModel", "DesignStorage", "TestSupport"]),
    ]
)
