import DesignModel
import Foundation
import Testing
@testable import DesignStorage

/// `:w PATH` of a file holding fields the model does not know would write a copy without them.
@Suite struct SaveCopyUnknownFieldsTests {
    static let doc = "/home/ann/designs/d.json"
    static let copy = "/home/ann/designs/copy.json"

    static func worldWithOwnerField() throws -> InMemoryFileSystem {
        let bytes = try DesignCodec.encode(sampleDesign())
        var object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        object["owner"] = "team-links"
        let fs = InMemoryFileSystem()
        fs.addFile(doc, try JSONSerialization.data(withJSONObject: object), permissions: 0o644)
        return fs
    }

    @Test func aCopyThatWouldDropUnknownFieldsIsRefusedUntilForced() throws {
        let fs = try Self.worldWithOwnerField()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.becomeReadOnly(because: "the file has fields this version does not know")
        let design = try #require(s.loaded)
        guard case .failed(let error) = s.save(design, to: Self.copy) else {
            Issue.record("the copy was written without the unknown field"); return
        }
        #expect(error.message.contains("owner") && error.message.contains(":w! \(Self.copy)"))
        #expect(fs.status(Self.copy).info == nil, "nothing written")
        // :w! PATH writes the copy, as the message says.
        #expect(s.save(design, to: Self.copy, overwriteWriteProtected: true) == .saved(path: Self.copy))
        #expect(try DesignCodec.decode(try fs.read(Self.copy)).title == design.title)
    }

    @Test func aCopyOfAnOrdinaryFileIsWrittenWithoutAsking() throws {
        let fs = InMemoryFileSystem()
        fs.addFile(Self.doc, try DesignCodec.encode(sampleDesign()), permissions: 0o644)
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.save(try #require(s.loaded), to: Self.copy) == .saved(path: Self.copy))
    }
}
