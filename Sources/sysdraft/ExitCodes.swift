import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

/// The exit codes sysdraft documents in `--help`.
enum Exit {
    static let invalidDesign = ExitCode(1)
    static let fileError = ExitCode(3)
    static let usage = ExitCode(64)
}

/// Prints to standard error.
func printError(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data(("sysdraft: " + message + "\n").utf8))
}

/// Loads a design or exits with the documented code and a message naming the file and the problem.
func loadOrExit(_ path: String) throws -> Design {
    do {
        return try DesignFile.load(path)
    } catch {
        printError(error.description)
        switch error {
        case .storage: throw Exit.fileError
        case .content: throw Exit.invalidDesign
        }
    }
}

func saveOrExit(_ design: Design, to path: String) throws {
    do {
        try DesignFile.save(design, to: path)
    } catch {
        printError(error.description)
        throw Exit.fileError
    }
}

func assetsOrExit() throws -> AssetLocator {
    do { return try AssetLocator.locate() } catch {
        printError("\(error)")
        throw Exit.fileError
    }
}

func catalogueOrExit(_ assets: AssetLocator) throws -> StageCatalogue {
    do { return try assets.catalogue() } catch {
        printError("\(error)")
        throw Exit.fileError
    }
}
