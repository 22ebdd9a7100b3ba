@testable import DesignModel
import Foundation
import TestSupport
import Testing

private let currentVersion = Design.currentSchemaVersion

/// Files that are wrong in ways Foundation's readers accept silently or report badly: each is
/// refused, and the message says what is actually wrong and where.
@Suite struct BadInputTests {
    func loadError(_ data: Data) -> DesignLoadError? {
        do { _ = try DesignCodec.decode(data); return nil } catch { return error }
    }

    func loadError(_ json: String) -> DesignLoadError? { loadError(Data(json.utf8)) }

    func canonical() throws -> String { text(try DesignCodec.encode(try sampleDesign())) }

    // MARK: duplicate keys

    @Test func aDuplicateTopLevelKeyIsRefusedWithBothPositions() throws {
        let s = try canonical().replacingOccurrences(of: "\"schemaVersion\" : \(currentVersion),", with: "\"schemaVersion\" : \(currentVersion),\n  \"title\" : \"Other\",")
        let e = loadError(s)
        guard case .duplicateKey(let key, let path, let position, let first)? = e else { Issue.record("got \(String(describing: e))"); return }
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        let firstLine = lines.firstIndex { $0.contains("\"title\" : \"Other\"") }! + 1
        let secondLine = lines.firstIndex { $0.contains("\"title\" : \"Sample\"") }! + 1
        #expect(key == "title")
        #expect(path == "(top level)")
        #expect(first == TextPosition(line: firstLine, column: 3))
        #expect(position == TextPosition(line: secondLine, column: 3))
        #expect(e!.description.contains("appears twice"))
    }

    @Test func duplicatesAreFoundPerObjectAtAnyDepthAndThroughEscapes() throws {
        // The same key in two different objects is fine.
        #expect(loadError(#"{"schemaVersion": 1, "a": {"x": 1}, "b": {"x": 1}}"#).map { "\($0)" }?.contains("twice") != true)
        // Nested, and spelled differently: "\u0074itle" is "title".
        let nested = try canonical().replacingOccurrences(of: "\"kind\" : \"client\",", with: "\"kind\" : \"client\", \"\\u006bind\" : \"cache\",")
        guard case .duplicateKey(let key, let path, _, _)? = loadError(nested) else { Issue.record("nested duplicate not found"); return }
        #expect(key == "kind")
        #expect(path == "components[0]")
        // An object with many keys (the set-based search) still finds the duplicate.
        var many = (0..<200).map { "\"k\($0)\": \($0)" }
        many.append("\"k17\": 0")
        guard case .duplicateKey(let k, let p, _, _)? = loadError("{\"schemaVersion\": \(currentVersion), \"extra\": {" + many.joined(separator: ", ") + "}}") else {
            Issue.record("duplicate in a large object not found"); return
        }
        #expect(k == "k17" && p == "extra")
    }

    // MARK: encodings

    @Test func utf16AndUtf32FilesAreNamedAndAUTF8ByteOrderMarkIsAccepted() throws {
        let s = try canonical()
        let cases: [(String.Encoding, String)] = [
            (.utf16, "UTF-16"), (.utf16LittleEndian, "UTF-16 (little-endian)"), (.utf16BigEndian, "UTF-16 (big-endian)"),
            (.utf32, "UTF-32"), (.utf32LittleEndian, "UTF-32 (little-endian)"), (.utf32BigEndian, "UTF-32 (big-endian)"),
        ]
        for (encoding, name) in cases {
            let e = loadError(s.data(using: encoding)!)
            guard case .notUTF8(let found, _)? = e else { Issue.record("\(encoding): got \(String(describing: e))"); continue }
            #expect(found.hasPrefix(name), "\(encoding): \(found)")
            #expect(e!.description.contains("sysdraft reads UTF-8"))
        }
        let withBOM = Data([0xEF, 0xBB, 0xBF]) + Data(s.utf8)
        #expect(try DesignCodec.decode(withBOM) == DesignCodec.decode(Data(s.utf8)))
    }

    @Test func invalidUTF8AndNULAreNamedWithTheirPosition() throws {
        var bytes = Array(try canonical().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "S"))!  // inside "Sample"
        bytes[at] = 0xFF
        guard case .notJSON(let pos, let detail)? = loadError(Data(bytes)) else { Issue.record("invalid UTF-8 accepted"); return }
        #expect(detail.contains("0xFF is not UTF-8"))
        #expect(pos == TextPosition(offset: at, in: bytes))
        bytes[at] = 0x00
        guard case .notJSON(_, let nul)? = loadError(Data(bytes)) else { Issue.record("NUL accepted"); return }
        #expect(nul.contains("NUL"))
        // An encoded surrogate (ED A0 80) and an overlong form (C0 AF) are not UTF-8 either.
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]] {
            var b = Array(try canonical().utf8)
            b.replaceSubrange(at..<(at + 1), with: bad)
            guard case .notJSON(_, let d)? = loadError(Data(b)) else { Issue.record("\(bad) accepted"); continue }
            #expect(d.contains("is not UTF-8"))
        }
    }

    /// A lone surrogate escape is not "truncated?": it says which half is missing.
    @Test func loneSurrogatesAreNotCalledTruncated() throws {
        for (escape, says) in [("\\ud800", "first half"), ("\\udc00", "second half"), ("\\ud800\\u0041", "not a second half")] {
            let s = try canonical().replacingOccurrences(of: "\"title\" : \"Sample\"", with: "\"title\" : \"x\(escape)y\"")
            guard case .notJSON(let pos, let detail)? = loadError(s) else { Issue.record("\(escape) accepted"); continue }
            #expect(detail.contains(says), "\(detail)")
            #expect(!detail.contains("truncated"))
            #expect(pos?.line == s.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"title\" : \"x") }! + 1)
        }
        // A proper pair is fine.
        let ok = try canonical().replacingOccurrences(of: "\"title\" : \"Sample\"", with: "\"title\" : \"\\ud83d\\ude00\"")
        #expect(try DesignCodec.decode(Data(ok.utf8)).title == "😀")
    }

    // MARK: schemaVersion

    @Test(arguments: [
        ("1.5", "schemaVersion must be a whole number, found 1.5"),
        ("1.0", "schemaVersion must be a whole number, found 1.0 (write 1)"),
        ("1.0", "schemaVersion must be a whole number, found 1.0 (write 1)"),
        ("\"1\"", "schemaVersion must be a whole number, found a string \"1\" (write the number without quotes)"),
        ("true", "schemaVersion must be a whole number, found true"),
        ("null", "schemaVersion must be a whole number, found null"),
        ("[1]", "schemaVersion must be a whole number, found a list"),
        ("-1", "schemaVersion must be 0 or more, found -1"),
        ("99999999999999999999", "schemaVersion 99999999999999999999 is out of range"),
    ])
    func aSchemaVersionThatIsNotAWholeNumberSaysWhatItIs(value: String, message: String) throws {
        let s = try canonical().replacingOccurrences(of: "\"schemaVersion\" : \(currentVersion)", with: "\"schemaVersion\" : \(value)")
        #expect(loadError(s) == .badSchemaVersion(message))
    }

    /// A current file whose schemaVersion was set to 0 used to be "migrated" into an empty
    /// design (flows, trade-offs and ticks dropped, kinds turned into "other").
    @Test func aVersionThatDoesNotMatchTheBodyIsRefusedNotMigrated() throws {
        let s = try canonical().replacingOccurrences(of: "\"schemaVersion\" : \(currentVersion)", with: "\"schemaVersion\" : 0")
        guard case .schemaMismatch(let version, let detail)? = loadError(s) else { Issue.record("got \(String(describing: loadError(s)))"); return }
        #expect(version == 0)
        #expect(detail.contains("\"created\""), "\(detail)")
        #expect(detail.contains("those of a version \(Design.currentSchemaVersion) file"), "\(detail)")
        // A prototype file with a field the prototype format never had is refused too: the
        // migration would drop it.
        let v0 = text(try fixture("v0-prototype.json"))
        for (from, to, field) in [
            ("\"name\": \"Paste bin (prototype file)\",", "\"name\": \"x\", \"owner\": \"ada\",", "\"owner\""),
            ("\"mustHave\": true }", "\"mustHave\": true, \"priority\": \"could\" }", "\"requirements[0].priority\""),
            ("\"protocol\": \"http\" }", "\"protocol\": \"http\", \"mode\": \"async\" }", "\"edges[0].mode\""),
        ] {
            let edited = v0.replacingOccurrences(of: from, with: to)
            #expect(edited != v0)
            guard case .schemaMismatch(0, let d)? = loadError(edited) else { Issue.record("\(field): accepted"); continue }
            #expect(d.contains(field), "\(d)")
        }
        // The real prototype file still upgrades.
        #expect(throws: Never.self) { try DesignCodec.decode(try fixture("v0-prototype.json")) }
    }

    /// A step that declares no field list (the usual "add fields with defaults" step) is
    /// refused when it would drop a field that is there.
    @Test func aMigrationStepThatWouldDropAFieldRefuses() throws {
        let dropping = Migration(from: 0, summary: "test", apply: { old in
            var new = old
            new.removeValue(forKey: "keepMe")
            return new
        })
        #expect(dropping.fields == nil)
        // `Migrations.migrate` runs every step through `apply`, which holds the check.
        #expect(throws: MigrationError.self) {
            _ = try Migrations.apply(dropping, to: ["schemaVersion": 0, "keepMe": "data"])
        }
        #expect(throws: Never.self) {
            _ = try Migrations.apply(dropping, to: ["schemaVersion": 0, "keepMe": NSNull()])
        }
    }

    // MARK: syntax, nesting, numbers

    @Test func syntaxErrorsSayWhatWasExpected() {
        let cases: [(String, String, Int)] = [
            ("{\"schemaVersion\": \(currentVersion), \"title\": \"x\",}", "trailing comma", 1),
            ("{\"schemaVersion\": \(currentVersion), 'title': \"x\"}", "JSON strings take double quotes", 1),
            ("{\"schemaVersion\": \(currentVersion),\n \"title\": \"x\n\"}", "raw control character", 2),
            ("{\"schemaVersion\": \(currentVersion), \"a\": [1, 2,]}", "trailing comma", 1),
            ("{\"schemaVersion\": \(currentVersion), \"a\": 01}", "do not start with 0", 1),
            ("{\"schemaVersion\": \(currentVersion)} x", "more text after the end", 1),
            ("{\"schemaVersion\": \(currentVersion), \"a\": \"\\q\"}", "unknown escape \\q", 1),
            ("{\"schemaVersion\": \(currentVersion), \"a\": tru}", "expected a value", 1),
            ("{\"schemaVersion\": \(currentVersion), \"a\": [", "truncated", 1),
            ("{\"schemaVersion\": \(currentVersion), \"title\": \"abc", "ends inside a string", 1),
        ]
        for (json, says, line) in cases {
            guard case .notJSON(let pos, let detail)? = loadError(json) else { Issue.record("\(json): accepted"); continue }
            #expect(detail.contains(says), "\(json): \(detail)")
            #expect(pos?.line == line, "\(json)")
        }
    }

    /// 10,000 levels: refused with a position, without recursion (no stack overflow), however
    /// the nesting mixes lists and objects.
    @Test func deepNestingIsRefusedWithoutOverflowingTheStack() {
        for depth in [513, 10_000, 200_000] {
            let lists = "{\"schemaVersion\": \(currentVersion), \"x\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            let objects = "{\"schemaVersion\": \(currentVersion), \"x\": " + String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth) + "}"
            for json in [lists, objects] {
                guard case .notJSON(let pos, let detail)? = loadError(json) else { Issue.record("depth \(depth) accepted"); continue }
                #expect(detail.contains("nested more than \(JSONPreflight.maximumDepth) levels"))
                #expect(pos?.line == 1)
            }
        }
        // At the limit, nesting is fine as far as the syntax goes (the field is unknown).
        let deepest = "{\"schemaVersion\": \(currentVersion), \"x\": " + String(repeating: "[", count: JSONPreflight.maximumDepth - 1)
            + String(repeating: "]", count: JSONPreflight.maximumDepth - 1) + "}"
        #expect(throws: Never.self) { try JSONPreflight.check(Array(deepest.utf8)) }
    }

    /// Foundation rejects a number that does not fit a whole-number field as "not valid JSON"
    /// at the top level; the message names the field and the number.
    @Test func numbersThatAreNotWholeNumbersAreNamed() throws {
        for (value, says) in [("1.5", "expected a whole number, found 1.5"), ("1e300", "found 1e300"),
                              ("99999999999999999999", "the number 99999999999999999999 is out of range")] {
            let s = try canonical().replacingOccurrences(
                of: "\"schemaVersion\" : \(currentVersion),",
                with: "\"schemaVersion\" : \(currentVersion), \"interview\" : {\"plan\": \"standard\", \"phases\": [{\"key\": \"a\", \"plannedSeconds\": \(value)}]},")
            guard case .wrongShape(let path, let pos, let detail)? = loadError(s) else { Issue.record("\(value): \(String(describing: loadError(s)))"); continue }
            #expect(path == "interview.phases[0].plannedSeconds")
            #expect(detail.contains(says), "\(detail)")
            #expect(pos != nil && pos!.line > 1)
        }
    }

    /// Random damage to a valid file (bytes cut, flipped, duplicated): never a crash, and
    /// always either the same design or a message with a position or path.
    @Test func randomDamageIsAlwaysAClearErrorOrTheSameDesign() throws {
        let original = Array(try canonical().utf8)
        var rng = SeededGenerator(seed: 20_261_130)
        for _ in 0..<400 {
            var b = original
            switch rng.int(4) {
            case 0: b.removeSubrange(rng.int(b.count)...)
            case 1: b[rng.int(b.count)] = UInt8(truncatingIfNeeded: rng.next())
            case 2: let i = rng.int(b.count); b.insert(contentsOf: b[i..<min(b.count, i + rng.int(40))], at: i)
            default: b.remove(at: rng.int(b.count))
            }
            guard let e = loadError(Data(b)) else { continue }
            #expect(!e.description.isEmpty)
            #expect(!e.description.contains("The given data was not valid JSON"), "Foundation's words: \(e)")
        }
    }
}
