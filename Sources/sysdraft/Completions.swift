import ArgumentParser
import DesignStorage
import Foundation

/// What the shell completes for sysdraft's arguments (`sysdraft --generate-completion-script
/// bash|zsh|fish`; `make install` installs the scripts). Names are looked up when TAB is
/// pressed, in the same data folders the commands read (see `AssetLocator.standard`).
extension CompletionKind {
    /// A design: `*.json` files and folders.
    static var designFile: CompletionKind { .file(extensions: ["json"]) }

    /// A diagram to import: Mermaid, Structurizr DSL, D2.
    static var diagramFile: CompletionKind { .file(extensions: ["mmd", "mermaid", "dsl", "d2"]) }

    static var themeName: CompletionKind {
        .custom { _, _, prefix in Completions.names(ThemeFiles.names(AssetLocator.standard()), prefix) }
    }

    static var planName: CompletionKind {
        .custom { _, _, prefix in Completions.names(InterviewLibrary(assets: .standard()).planFiles().map(\.name), prefix) }
    }

    static var problemName: CompletionKind {
        .custom { _, _, prefix in Completions.names(InterviewLibrary(assets: .standard()).problemFiles().map(\.name), prefix) }
    }

    static var exampleName: CompletionKind {
        .custom { _, _, prefix in Completions.names(AssetLocator.standard().exampleNames(), prefix) }
    }
}

enum Completions {
    /// The names that start with what is typed so far.
    static func names(_ all: [String], _ prefix: String) -> [String] {
        prefix.isEmpty ? all : all.filter { $0.hasPrefix(prefix) }
    }
}
