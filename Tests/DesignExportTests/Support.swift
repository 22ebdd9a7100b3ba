import DesignModel
import Foundation
import TestSupport
import Testing

/// Paths relative to this source file, so tests find their data from any working directory.
enum TestPaths {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldenDir = testsDir.appendingPathComponent("Golden")
    static let repoRoot = testsDir.deletingLastPathComponent().deletingLastPathComponent()
    static let stagesJSON = repoRoot.appendingPathComponent("Assets/stages.json")
    static let workedExample = repoRoot.appendingPathComponent("Assets/examples/url-shortener.json")
}

/// Compares `actual` with `Golden/<name>`; `SYSDRAFT_RECORD=1` (re)writes the file instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let problem = GoldenFile.check(actual, at: TestPaths.goldenDir.appendingPathComponent(name)) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}

struct ToolMissing: Error, CustomStringConvertible {
    var description: String
}

/// Runs a tool found on PATH with `input` in a temporary file as its last argument.
/// A missing tool is an error (the test fails): `make test` installs cmark-gfm and graphviz.
func runTool(_ tool: String, _ args: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/\(tool)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else {
        throw ToolMissing(description: "\(tool) is not on PATH; install it (apt-get install "
            + (tool == "dot" ? "graphviz" : tool) + ", or run `make test`, which does)")
    }
    return try runExecutable(path, args, input: input)
}

/// Runs the program at `path` with `input` in a temporary file as its last argument.
func runExecutable(_ path: String, _ args: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
    let tmp = FileManager.default.temporaryDirectory
        .appendingPathComponent("sysdraft-export-\(UUID().uuidString)")
    try Data(input.utf8).write(to: tmp)
    defer { try? FileManager.default.removeItem(at: tmp) }

    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args + [tmp.path]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes before waiting so a large output cannot fill a pipe and stall the tool.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

let gfmExtensions = ["--extension", "table", "--extension", "tasklist", "--extension", "autolink",
                     "--extension", "strikethrough"]

/// Markdown → HTML with the real GFM renderer, raw HTML suppressed (the safe default).
func cmarkGFM(_ markdown: String, unsafe: Bool = false) throws -> String {
    let r = try runTool("cmark-gfm", gfmExtensions + (unsafe ? ["--unsafe"] : []), input: markdown)
    if r.status != 0 { throw ToolMissing(description: "cmark-gfm failed (\(r.status)): \(r.stderr)") }
    return r.stdout
}

// MARK: HTML scanning (just enough for cmark-gfm's regular output)

enum HTML {
    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    /// Inner HTML of every `<tag ...>...</tag>` (not nested tags of the same name).
    static func elements(_ tag: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(tag)") {
            let after = rest[open.upperBound...]
            guard let first = after.first, first == ">" || first == " " else { rest = after; continue }
            guard let gt = after.firstIndex(of: ">"),
                  let close = after.range(of: "</\(tag)>") else { break }
            out.append(String(after[after.index(after: gt)..<close.lowerBound]))
            rest = after[close.upperBound...]
        }
        return out
    }

    /// Text content: tags removed, the five basic entities decoded.
    static func text(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Names of all opening tags, in order.
    static func tagNames(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "<([A-Za-z][A-Za-z0-9]*)")
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length))
            .map { ns.substring(with: $0.range(at: 1)).lowercased() }
    }

    /// Every `href="..."` value.
    static func hrefs(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "href=\"([^\"]*)\"")
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length))
            .map { ns.substring(with: $0.range(at: 1)) }
    }

    struct Table {
        var headerCells: Int
        var rows: [Int]   // body rows: cells per row
        var bodyText: [[String]]
    }

    static func tables(_ html: String) -> [Table] {
        elements("table", in: html).map { t in
            let head = elements("thead", in: t).first ?? ""
            let body = elements("tbody", in: t).first ?? ""
            let bodyRows = elements("tr", in: body)
            return Table(headerCells: elements("th", in: head).count,
                         rows: bodyRows.map { elements("td", in: $0).count },
                         bodyText: bodyRows.map { elements("td", in: $0).map(text) })
        }
    }
}
