import DesignModel
import DesignStorage
import Foundation

/// Storage benchmarks (foundation): load a 5 MB design with `DesignFile.load` (read + parse +
/// decode + integrity checks; target ≤ 300 ms) and save a 1 MB design crash-safely with
/// `DesignFile.save` (encode + temporary file + fsync + rename + directory fsync; target ≤ 30 ms).
func runStorageBench() {
    section("storage")
    let catalogue = benchCatalogue()
    let dir = makeScratchDirectory("storage")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    out("scratch folder \(dir) on \(fileSystemType(of: dir))")

    // Load 5 MB.
    let big = BenchDesign.make(approximateBytes: 5_000_000, catalogue: catalogue)
    let bigPath = (dir as NSString).appendingPathComponent("design-5mb.json")
    do { try DesignFile.save(big.design, to: bigPath) } catch {
        out("storage: cannot write \(bigPath): \(error)")
        return
    }
    let bigSize = "\(kilobytes(big.bytes)): \(describe(big.design))"
    let load = timeRuns(7) {
        if let d = try? DesignFile.load(bigPath) { benchSink &+= d.components.count } else { benchSink = -1 }
    }
    if benchSink < 0 { out("storage: the generated 5 MB design does not load") }
    report("load 5 MB (DesignFile.load)", size: bigSize, runs: 7, load, target: .median(300))

    // Where the load time goes: reading, the JSONSerialization pass (schema version check),
    // the whole decode (both passes + checks), the integrity checks alone.
    let data = (try? AtomicFile.read(bigPath)) ?? Data()
    let read = timeRuns(7) { benchSink &+= ((try? AtomicFile.read(bigPath))?.count ?? 0) }
    let parse = timeRuns(7) { benchSink &+= (try? JSONSerialization.jsonObject(with: data)) == nil ? 0 : 1 }
    let decode = timeRuns(7) { benchSink &+= ((try? DesignCodec.decode(data))?.flows.count ?? 0) }
    let checks = timeRuns(7) { benchSink &+= big.design.errors.count }
    let preflight = timeRuns(7) { benchSink &+= ((try? JSONPreflight.check(data))?.unusualNumbers.count ?? 1) }
    out("  parts (median): read \(formatMs(read.median)) · JSONSerialization pass \(formatMs(parse.median)) · "
          + "DesignCodec.decode \(formatMs(decode.median)) (so JSONDecoder pass ≈ "
          + "\(formatMs(max(0, decode.median - parse.median - checks.median)))) · integrity checks \(formatMs(checks.median))"
          + " · preflight pass (syntax, duplicate keys) \(formatMs(preflight.median))")

    // Save 1 MB.
    let small = BenchDesign.make(approximateBytes: 1_000_000, catalogue: catalogue)
    let smallPath = (dir as NSString).appendingPathComponent("design-1mb.json")
    let smallSize = "\(kilobytes(small.bytes)): \(describe(small.design))"
    var failures = 0
    let save = timeRuns(9) {
        do { try DesignFile.save(small.design, to: smallPath) } catch { failures += 1 }
    }
    if failures > 0 { out("storage: \(failures) saves failed") }
    report("save 1 MB (DesignFile.save)", size: smallSize, runs: 9, save, target: .median(30))

    let encoded = (try? DesignCodec.encode(small.design)) ?? Data()
    let encode = timeRuns(9) { benchSink &+= ((try? DesignCodec.encode(small.design))?.count ?? 0) }
    let write = timeRuns(9) { do { try AtomicFile.write(encoded, to: smallPath) } catch { failures += 1 } }
    let reference = timeRuns(9) { benchSink &+= ((try? DesignCodec.referenceEncode(small.design))?.count ?? 0) }
    out("  parts (median): DesignCodec.encode \(formatMs(encode.median)) (JSONEncoder, same bytes: "
          + "\(formatMs(reference.median))) · AtomicFile.write with fsyncs "
          + "\(formatMs(write.median)) (\(fileSystemType(of: dir)))")
}
