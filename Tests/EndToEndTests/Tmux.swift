import Foundation
import Testing

/// A program running in a real terminal: a tmux session on a private server socket, driven with
/// `send-keys` and read with `capture-pane`.
final class TmuxSession {
    let socket = "sysdraft-test-" + UUID().uuidString.prefix(8)
    let name = "t"

    /// Starts `command` (run by sh) in a new session of the given size.
    init(_ command: String, cwd: String, columns: Int = 100, rows: Int = 30, env: [String: String] = [:]) throws {
        var exports = env.map { "export \($0.key)='\($0.value)'; " }.joined()
        exports += "export SYSDRAFT_HOME='\(Repo.root.path)'; "
        // A developer's own config (theme, mouse) must not change what the tests see.
        if env["XDG_CONFIG_HOME"] == nil { exports += "export XDG_CONFIG_HOME='\(cwd)/.test-config'; " }
        let r = try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", "-c", cwd,
                          "sh -c \"\(exports)\(command); echo EXITED=\\$?; sleep 600\""])
        try #require(r.status == 0, "tmux could not start: \(r.stderr)")
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> RunResult {
        try run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + args)
    }

    /// Presses keys (tmux key names: "Enter", "Escape", "C-s", "Tab", "BTab", "Down"). They
    /// reach the program in one write, as keys a person presses quickly.
    func keys(_ keys: String...) throws {
        let before = try screen()
        try tmux(["send-keys", "-t", name] + keys)
        settle(after: before)
    }

    /// Types text literally. The characters arrive in one write, as a terminal delivers a
    /// paste: eight or more of them (or several lines) are a paste to sysdraft (InputDecoder),
    /// which is what typing into a field needs and never runs commands.
    func type(_ text: String) throws {
        let before = try screen()
        try tmux(["send-keys", "-t", name, "-l", text])
        settle(after: before)
    }

    /// Waits, a second at most, until the program has answered the input on screen, so the next
    /// input arrives on its own as a person's would (input that arrives together can read as a
    /// paste). Not a check: a key that changes nothing just costs the second.
    private func settle(after before: String) {
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline {
            if let now = try? screen(), now != before { return }
            usleep(10_000)
        }
    }

    /// The visible screen as text.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : [])).stdout
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until `predicate` holds; fails the test with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)")
        throw TmuxTimeout()
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// The pid of the program started in the session (the child of its shell).
    func programPID(named: String = "sysdraft") throws -> Int32? {
        let pane = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try run("/usr/bin/pgrep", ["-P", pane, "-f", named])
        return r.stdout.split(separator: "\n").first.flatMap { Int32($0) }
    }
}

struct TmuxTimeout: Error {}

/// The design JSON at a path, as a dictionary.
func json(_ path: String) throws -> [String: Any] {
    let data = try #require(FileManager.default.contents(atPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}
