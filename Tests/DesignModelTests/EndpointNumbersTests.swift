import Foundation
import Testing
@testable import DesignModel

/// An endpoint's success status is an HTTP status and its page-size limit at least 1 (0 is
/// "not said" for both); anything else is an error naming the field, and a file holding one
/// is refused with that path.
@Suite struct EndpointNumbersTests {
    @Test("numbers in range, and 0, pass", arguments: [
        (0, 0), (100, 1), (200, 100), (204, 1_000_000), (599, 20),
    ])
    func inRange(status: Int, pageSize: Int) {
        var d = lowLevelSample()
        d.endpoints[0].successStatus = status
        d.endpoints[0].pageSizeLimit = pageSize
        #expect(d.errors.isEmpty, "\(d.errors)")
    }

    @Test("a status outside 100–599 is an error on its field", arguments: [99, 600, 999, -1, 2001, Int.max, Int.min])
    func badStatus(status: Int) throws {
        var d = lowLevelSample()
        d.endpoints[1].successStatus = status
        let error = try #require(d.errors.first)
        #expect(d.errors.count == 1)
        #expect(error.path == "endpoints[1].successStatus")
        #expect(error.message.contains("\(status)") && error.message.contains(d.endpoints[1].id.rawValue))
    }

    @Test("a page-size limit below 1 (other than 0, none) or above the cap is an error", arguments: [-1, -100, 1_000_001, Int.min])
    func badPageSize(limit: Int) throws {
        var d = lowLevelSample()
        d.endpoints[0].pageSizeLimit = limit
        let error = try #require(d.errors.first)
        #expect(d.errors.count == 1)
        #expect(error.path == "endpoints[0].pageSizeLimit")
        #expect(error.message.contains("\(limit)"))
    }

    /// Written by hand into a file: the file is refused, naming the field; an unreadable
    /// number (too big for a whole number) names its path too.
    @Test("a file with a bad number is refused with its path", arguments: [
        ("\"successStatus\" : 200", "\"successStatus\" : 999", "endpoints[0].successStatus"),
        ("\"pageSizeLimit\" : 100", "\"pageSizeLimit\" : -5", "endpoints[0].pageSizeLimit"),
        ("\"successStatus\" : 200", "\"successStatus\" : 1e400", "endpoints[0].successStatus"),
        ("\"pageSizeLimit\" : 100", "\"pageSizeLimit\" : 99999999999999999999999", "endpoints[0].pageSizeLimit"),
        ("\"pageSizeLimit\" : 100", "\"pageSizeLimit\" : 2.5", "endpoints[0].pageSizeLimit"),
    ])
    func fileRefused(find: String, replace: String, path: String) throws {
        let text = String(decoding: try DesignCodec.encode(lowLevelSample()), as: UTF8.self)
        let range = try #require(text.range(of: find))
        let data = Data(text.replacingCharacters(in: range, with: replace).utf8)
        do {
            _ = try DesignCodec.decode(data)
            Issue.record("\(replace) was accepted")
        } catch {
            switch error {
            case .integrity(let findings):
                #expect(findings.map(\.path) == [path])
            case .wrongShape(let p, let position, _):
                #expect(p == path)
                #expect(position != nil)
            default:
                Issue.record("\(replace): \(error)")
            }
        }
    }
}
