// swift-tools-version: 6.1
import PackageDescription

// Layers, bottom to top. Only CursesTerminal imports ncurses (CNcursesw).
//   TerminalText     display width of text and sanitising of untrusted text (pure)
//   DesignModel      the document: types, ids, integrity, JSON codec, migrations (pure)
//   DesignStorage    crash-safe files, locks, recovery, asset lookup (file I/O)
//   DesignExport     Markdown / Mermaid / DOT / JSON exporters (pure)
//   DiagramLayout    boxes-and-arrows layout and text rendering (pure)
//   Interview        interview plans, practice problems, timer logic (pure)
//   Workspace        app state, actions, reducer, keymap, undo (pure)
//   TextUI           cell grid, display width, sanitising, themes, views (pure)
//   CursesTerminal   the ncurses backend
//   sysdraft         the executable (ArgumentParser commands + run loop)
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
        .target(name: "TestSupport", dependencies: ["DiagramLayout"]),
        .target(name: "DesignModel"),
        .target(name: "DesignStorage", dependencies: ["DesignModel"]),
        .target(name: "DesignExport", dependencies: ["DesignModel", "DiagramLayout"]),
        .target(name: "DiagramLayout", dependencies: ["TerminalText"]),
        .target(name: "Interview", dependencies: ["DesignModel"]),
        .target(name: "Workspace", dependencies: ["DesignModel", "DesignExport", "DiagramLayout", "Interview"]),
        .target(name: "TextUI", dependencies: [
            "TerminalText", "Workspace", "DiagramLayout",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "CursesTerminal", dependencies: ["TextUI", "CNcursesw"]),
        .executableTarget(name: "sysdraft", dependencies: [
            "TerminalText", "DesignModel", "DesignStorage", "DesignExport", "DiagramLayout", "Interview",
            "Workspace", "TextUI", "CursesTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "sysdraft-bench", dependencies: [
            "DesignModel", "DesignStorage", "DesignExport", "DiagramLayout", "Workspace", "TextUI", "TestSupport",
        ]),

        .testTarget(name: "DesignModelTests", dependencies: ["DesignModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DesignStorageTests", dependencies: ["DesignModel", "DesignStorage"]),
        .testTarget(name: "DesignExportTests", dependencies: ["DesignModel", "DesignStorage", "DesignExport", "DiagramLayout", "TerminalText", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DiagramLayoutTests", dependencies: [
            "DiagramLayout", "TerminalText", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Golden"]),
        .testTarget(name: "InterviewTests", dependencies: ["Interview", "DesignModel", "DesignStorage", "TestSupport"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "DesignModel", "Interview", "TestSupport"]),
        .testTarget(name: "TextUITests", dependencies: ["TextUI", "TerminalText", "TestSupport", "Workspace", "DesignModel", "DesignStorage", "Interview"],
                    exclude: ["Golden"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNcursesw"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DesignModel", "DesignStorage", "TestSupport"]),
    ]
)
