import ArgumentParser
import DesignExport
import DesignModel
import DesignReview
import DesignStorage
import Foundation

/// `sysdraft review FILE… [--format text|json|sarif|markdown] [--fail-on LEVEL] [--list-rules]`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review designs as a staff engineer would: requirements, architecture, failures, data, decisions.",
        discussion: """
            Every rule has an id, a severity (error, warning, info) and the checklist stage it \
            belongs to; --list-rules lists them. Findings accepted in the design (on the Review \
            screen, R) are listed apart with their reasons and do not count for --fail-on. \
            [review] in config.toml and in the repository's .sysdraft.toml (the nearest one in \
            the design's folder or above it, up to the folder holding .git; it wins over \
            config.toml) switches rules off or changes their severity: RULE = "off" | "error" | \
            "warning" | "info", and sync-chain-depth = N.

            Formats: text (FILE:LINE:COL: severity: message [rule], then the fix), json \
            ({"findings": [...], "accepted": [...]}), sarif (SARIF 2.1.0 for code scanning, \
            each finding at the line of its first item in the design file), markdown (for a \
            pull request).

            Exit codes: 0 no open finding at or above --fail-on; 4 findings reach --fail-on; \
            1 a design file is invalid; 3 a file cannot be read; 64 the command line is wrong.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, markdown }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

    @Argument(help: "Design files to review.")
    var files: [String] = []

    @Option(help: "text, json, sarif or markdown.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 4 when an open finding is at least this severe: error, warning, info or never.")
    var failOn: FailOn = .error

    @Option(name: .customLong("sync-chain-depth"), help: "Report synchronous chains from a client longer than this many hops (overrides the settings; default 4).")
    var syncChainDepth: Int?

    @Flag(name: .customLong("list-rules"), help: "List the rules (id, severity, stage, what each looks for, the fix) and exit.")
    var listRules = false

    func validate() throws {
        if !listRules && files.isEmpty { throw ValidationError("give one or more design files (or --list-rules)") }
        if let d = syncChainDepth, !ReviewConfig.syncChainDepthRange.contains(d) {
            throw ValidationError("--sync-chain-depth must be from \(ReviewConfig.syncChainDepthRange.lowerBound) to \(ReviewConfig.syncChainDepthRange.upperBound)")
        }
    }

    func run() throws {
        let user = UserConfig(environment: ProcessInfo.processInfo.environment)
        if listRules {
            printRules(ReviewSettings.config(for: files.first ?? "./design.json", user: user).config)
            return
        }
        var reviewed: [ReviewedFile] = []
        var worst: ExitCode = .success
        var said = Set<String>()
        for file in files {
            let design: Design, bytes: Data
            do {
                bytes = try DesignFile.readBytes(file)
                design = try DesignFile.load(file)
            } catch {
                printError(error)
                if case .storage = error { worst = Exit.fileError } else if worst != Exit.fileError { worst = Exit.invalidDesign }
                continue
            }
            var (config, problems) = ReviewSettings.config(for: file, user: user)
            if let d = syncChainDepth { config.syncChainDepth = d }
            for p in problems where said.insert(p).inserted { printError(p) }
            let result = DesignReviewer.review(design, config: config)
            reviewed.append(ReviewedFile(path: file, design: design, text: DesignTextIndex([UInt8](bytes)), result: result))
        }
        switch format {
        case .text:
            for file in reviewed { for line in ReviewText.lines(file) { say(line) } }
        case .json:
            sayJSON(ReviewJSON.render(reviewed))
        case .sarif:
            sayJSON(ReviewSARIF.render(reviewed, toolVersion: SysdraftCommand.version))
        case .markdown:
            FileHandle.standardOutput.write(Data(ReviewMarkdown.render(reviewed).utf8))
        }
        if worst != .success { throw worst }
        if let level = ReviewSeverity(rawValue: failOn.rawValue), reviewed.contains(where: { $0.result.reaches(level) }) {
            throw Exit.findings
        }
    }

    func printRules(_ config: ReviewConfig) {
        let rules = ReviewRules.all
        if format == .json {
            let list = JSONValue.array(rules.map { r in
                .object(unsorted: [
                    JSONMember("id", .string(r.id)),
                    JSONMember("severity", .string(r.severity.rawValue)),
                    JSONMember("configured", .string(config.severity(of: r)?.rawValue ?? "off")),
                    JSONMember("stage", .string(r.stage.rawValue)),
                    JSONMember("summary", .string(r.summary)),
                    JSONMember("hint", .string(r.hint)),
                ])
            })
            sayJSON(String(decoding: list.prettyBytes(), as: UTF8.self))
            return
        }
        for r in rules {
            let configured = config.severity(of: r)
            let note = configured == r.severity ? "" : " (configured: \(configured?.rawValue ?? "off"))"
            say("\(r.id)  \(r.severity.rawValue)\(note) · stage \(r.stage.number) \(r.stage.rawValue)")
            say("    \(r.summary)")
            say("    fix: \(r.hint)")
        }
        say("sync-chain-depth = \(config.syncChainDepth)")
    }
}
