import Foundation

/// Turns files into Swift source that reproduces their bytes exactly.
enum EmbeddedSource {
    struct File {
        /// Relative to the package root, with `/` separators: `Assets/stages.json`.
        var path: String
        var data: Data
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Every regular file under each folder, sorted by path; hidden files and folders are skipped.
    static func collect(root: URL, folders: [String]) throws -> [File] {
        var files: [File] = []
        let fm = FileManager.default
        for folder in folders {
            let base = root.appendingPathComponent(folder).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Failure(description: "\(base.path): no such folder")
            }
            guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                             options: [.skipsHiddenFiles]) else {
                throw Failure(description: "\(base.path): cannot list the folder")
            }
            let prefix = base.path + "/"
            for case let url as URL in walker {
                guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
                let full = url.standardizedFileURL.path
                guard full.hasPrefix(prefix) else { continue }
                files.append(File(path: folder + "/" + full.dropFirst(prefix.count), data: try Data(contentsOf: url)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func render(_ files: [File]) -> String {
        var text: [String] = [], binary: [String] = []
        for f in files {
            // Text only when it reads back byte for byte (a byte-order mark, say, would be dropped).
            if let s = String(data: f.data, encoding: .utf8), Data(s.utf8) == f.data {
                text.append("        \(literal(f.path)): \(literal(s)),\n")
            } else {
                binary.append("        \(literal(f.path)): \(literal(f.data.base64EncodedString())),\n")
            }
        }
        func dictionary(_ entries: [String]) -> String {
            entries.isEmpty ? "[:]" : "[\n" + entries.joined() + "    ]"
        }
        return """
            // Generated at build time by sysdraft-embed (Plugins/EmbedData) from \(files.count) files. Do not edit.

            extension BuiltinData {
                /// UTF-8 files by path.
                static let textFiles: [String: String] = \(dictionary(text))

                /// Other files by path, base64.
                static let base64Files: [String: String] = \(dictionary(binary))
            }

            """
    }

    /// A Swift string literal holding exactly `s`: letters, digits, punctuation, symbols and
    /// spaces as they are, everything else (controls, line and format characters, combining
    /// marks) as an escape, so the compiler neither rejects nor changes anything.
    static func literal(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                if scalar.value > 0x7F && isPlain(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            }
        }
        return out + "\""
    }

    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
