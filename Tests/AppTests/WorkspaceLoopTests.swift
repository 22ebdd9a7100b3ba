@testable import App
import DesignModel
import DesignStorage
import Foundation
import Testing
import TextUI
import Workspace
#if canImport(Glibc)
import Glibc
#endif

/// The whole run loop — keys, effects, saves, failures, signals — on the in-memory terminal,
/// the in-memory file system and fake time. No tmux, no sleeping.
@Suite struct WorkspaceLoopTests {
    @Test func aSessionEditsSavesAndQuits() throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(.key(.char("a")), .type("Messages arrive in order"), .key(.enter),
                         .run { b in #expect(b.screen.contains("Added req-3")) },
                         .key(.ctrl("s")),
                         .run { b in #expect(b.statusLine.contains("Saved \(World.doc)")) },
                         .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(w.design()?.requirements.map(\.text) == ["Requirement 0", "Requirement 1", "Messages arrive in order"])
        #expect(w.fs.lockHolder(of: World.doc) == nil, "the lock is freed")
        #expect(!w.fs.exists(w.recoveryPath))
        #expect(w.backend.exhausted == 0)
        #expect(!w.backend.isStarted, "the terminal is given back")
    }

    // MARK: failed writes

    @Test("a folder nothing can be written to: said at open, every failure stays in sight, quit does not quit")
    func readOnlyFolder() throws {
        let w = World()
        w.file()
        w.fs.setPermissions(World.folder, 0o555)
        w.fs.addFolder("/home/ann/elsewhere")
        let loop = try w.open()
        var seen: [String] = []
        w.backend.script(
            .run { b in seen.append(b.statusLine) },
            .key(.char("2")), .key(.char("d")),                     // an edit
            .key(.ctrl("s")),
            .run { b in seen.append(b.statusLine) },
            // Time passes: the recovery copy falls due and fails, again and again.
            .wait(.seconds(30)),
            .run { b in seen.append(b.statusLine) },
            .key(.char("j")), .key(.char("k")), .key(.char("1")),
            .run { b in seen.append(b.statusLine) },
            // Quit, save: the save fails, so the quit does not happen.
            .key(.char("q")), .key(.char("y")),
            .run { b in
                seen.append(b.statusLine)
                #expect(b.screen.contains("[+]"))
            },
            // Saving elsewhere works and moves the session (and its lock) there.
            .key(.char(":")), .type("w /home/ann/elsewhere/d.json"), .key(.enter),
            .run { b in seen.append(b.statusLine) },
            .key(.char("q")))
        #expect(loop.run() == .quit)
        // At 80 columns the paths give way to the OS reason (…/designs): the reason stays in sight.
        #expect(seen[0].contains("Cannot write in …/designs (Permission denied)"), "\(seen[0])")
        for line in seen[1...4] {
            #expect(line.contains("Not saved: ") && line.contains("d.json") && line.contains("Permission denied"), "\(line)")
            #expect(!line.hasPrefix(" Cannot keep a recovery copy"), "never hidden by the recovery failure: \(line)")
        }
        #expect(seen[5].contains("Saved /home/ann/elsewhere/d.json"))
        #expect(w.design(at: "/home/ann/elsewhere/d.json")?.components.count == 2)
        #expect(w.design()?.components.count == 3, "the original is untouched")
        #expect(w.backend.exhausted == 0)
    }

    @Test("a write-protected file: said at open, and Ctrl-S asks before writing")
    func writeProtectedFile() throws {
        let w = World()
        w.file(permissions: 0o444)
        let loop = try w.open()
        var opening = ""
        w.backend.script(
            .run { b in opening = b.statusLine },
            .key(.char("2")), .key(.char("d")), .key(.ctrl("s")),
            .run { b in #expect(b.screen.contains("d.json is write-protected")) },
            .key(.char("c")),
            .run { _ in #expect(w.design()?.components.count == 3, "cancel writes nothing") },
            .key(.ctrl("s")), .key(.char("w")),
            .run { b in #expect(b.statusLine.contains("Saved")) },
            .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(opening.contains("d.json is write-protected: Ctrl-S asks before writing it"))
        #expect(w.design()?.components.count == 2)
        #expect(w.fs.nodes[World.doc]?.permissions == 0o444)
    }

    @Test("the lock follows :w, and :w to a file another sysdraft holds is refused with its owner")
    func locksFollowTheFile() throws {
        let w = World()
        w.file()
        w.file(World.folder + "/theirs.json")
        w.fs.holdLock(of: World.folder + "/theirs.json", pid: 4321, host: "desk")
        let loop = try w.open()
        w.backend.script(
            .key(.char(":")), .type("w \(World.folder)/theirs.json"), .key(.enter),
            .run { b in
                #expect(b.statusLine.contains("open in another sysdraft (process 4321 on desk)"), "\(b.statusLine)")
            },
            .key(.char(":")), .type("w \(World.folder)/other.json"), .key(.enter),
            .run { b in
                #expect(b.statusLine.contains("Saved \(World.folder)/other.json"))
                #expect(w.fs.lockHolder(of: World.folder + "/other.json")?.pid == w.fs.pid)
                #expect(w.fs.lockHolder(of: World.doc) == nil)
            },
            .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(w.fs.lockHolder(of: World.folder + "/theirs.json")?.pid == 4321)
        #expect(w.fs.contents(World.folder + "/theirs.json") == (try DesignCodec.encode(World.sample())))
    }

    @Test func aChangeOnDiskIsAskedAbout() throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(
            .key(.char("2")), .key(.char("d")),
            .run { _ in w.file(World.doc, World.sample(requirements: 5)) },
            .key(.ctrl("s")),
            .run { b in #expect(b.screen.contains("Changed on disk")) },
            .key(.char("c")), .key(.char("q")), .key(.char("n")))
        #expect(loop.run() == .quit)
        #expect(w.design()?.requirements.count == 5, "the other program's version stays")
    }

    @Test func aFailedExportStaysInSight() throws {
        let w = World()
        w.file()
        w.fs.fail(.write, at: World.folder + "/r.md", with: ENOSPC)
        let loop = try w.open()
        var lines: [String] = []
        w.backend.script(.key(.char(":")), .type("export \(World.folder)/r.md"), .key(.enter),
                         .key(.char("j")), .key(.char("2")), .run { b in lines.append(b.statusLine) }, .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(lines[0].contains("Export failed: \(World.folder)/r.md") && lines[0].contains("No space left on device"))
    }

    // MARK: the recovery copy

    @Test("steady typing into a form: the copy is never more than 2 s behind (items 8 and 16)")
    func recoveryUnderContinuousTyping() throws {
        let w = World()
        w.file()
        let loop = try w.open(crashKeeper: true)
        var typed = ""
        var checks = 0
        var steps: [TestBackend.Step] = [.key(.char("a"))]
        let text = "The service answers within 200 ms at p99"
        var history: [(at: Duration, typed: String)] = []
        for c in text.prefix(24) {
            steps.append(.key(.char(c)))
            steps.append(.run { _ in typed.append(c); history.append((w.clock.now, typed)) })
            steps.append(.wait(.milliseconds(500)))
            steps.append(.run { _ in
                // What a kill -9 now would leave: the copy on disk.
                let copy = w.fs.contents(w.recoveryPath).flatMap { try? DesignCodec.decode($0) }
                let kept = copy?.requirements.count == 3 ? copy!.requirements[2].text : ""
                // Everything typed 2 s ago or earlier is in it.
                let due = history.last { w.clock.now - $0.at >= .seconds(2) }?.typed ?? ""
                #expect(kept.hasPrefix(due) && kept.count >= due.count, "at \(w.clock.now): copy \(kept.debugDescription), typed \(typed.debugDescription)")
                checks += 1
            })
        }
        steps.append(.signal(SIGTERM))
        w.backend.script(steps)
        let exit = loop.run()
        #expect(checks == 24)
        #expect(exit == .signal(SIGTERM, keptIn: w.recoveryPath))
        let copy = try #require(w.design(at: w.recoveryPath))
        #expect(copy.requirements.last?.text == String(text.prefix(24)), "a stop signal keeps everything typed, form included")
        #expect(w.design()?.requirements.count == 2, "the file itself is untouched")
        #expect(w.fs.lockHolder(of: World.doc) == nil)
        #expect(w.crash.currentDesign == nil, "after the stop the crash handler has nothing left to do")
        #expect(w.crash.kept.last.map { (try? DesignCodec.decode($0.data))?.requirements.last?.text } == String(text.prefix(24)))
    }

    @Test("every stop signal keeps the copy; SIGTSTP from outside suspends and keeps it too", arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func stopSignals(sig: Int32) throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(.key(.char("2")), .key(.char("d")),
                         .signal(SIGTSTP),
                         .run { b in
                             #expect(b.suspensions == 1)
                             #expect(w.design(at: w.recoveryPath)?.components.count == 2, "kept before stopping")
                         },
                         .key(.char("d")), .signal(sig))
        #expect(loop.run() == .signal(sig, keptIn: w.recoveryPath))
        #expect(w.design(at: w.recoveryPath)?.components.count == 1)
        #expect(w.fs.lockHolder(of: World.doc) == nil)
        #expect(!w.backend.isStarted)
    }

    @Test func aStopSignalWithNothingUnsavedKeepsNoCopy() throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(.key(.char("j")), .signal(SIGHUP))
        #expect(loop.run() == .signal(SIGHUP, keptIn: nil))
        #expect(!w.fs.exists(w.recoveryPath))
    }

    @Test func theCrashHandlerIsGivenTheLatestEditsAndNothingOnceSaved() throws {
        let w = World()
        w.file()
        let loop = try w.open(crashKeeper: true)
        w.backend.script(.key(.char("2")), .key(.char("d")), .wait(.milliseconds(150)),
                         .run { _ in #expect(w.crash.currentDesign?.components.count == 2) },
                         .key(.ctrl("s")), .wait(.milliseconds(150)),
                         .run { _ in #expect(w.crash.current == nil, "a saved document leaves nothing to keep") },
                         .key(.char("q")))
        #expect(loop.run() == .quit)
    }

    @Test func aLargeDesignsFirstEditIsNotEncodedBeforeItsFrame() throws {
        let w = World()
        let bytes = w.file(World.doc, World.sample(components: 3_000))
        #expect(bytes.count > WorkspaceLoop.eagerCrashCopyLimit)
        let loop = try w.open(crashKeeper: true)
        w.backend.script(.key(.char("2")), .key(.char("d")),
                         .run { _ in #expect(w.crash.kept.isEmpty, "no encoding of a large design before the frame") },
                         .wait(.seconds(5)),
                         .run { _ in
                             #expect(w.design(at: w.recoveryPath)?.components.count == 2_999)
                             #expect(w.crash.currentDesign?.components.count == 2_999, "the recovery copy hands it over")
                         },
                         .key(.char("q")), .key(.char("n")))
        #expect(loop.run() == .quit)
    }

    @Test func aRecoveryCopyThatCannotBeWrittenIsSaidOnceAndRetriedLater() throws {
        let w = World()
        w.file()
        w.fs.fail(.write, at: World.folder + "/.d.json.sysdraft-recovery", with: EACCES)
        let loop = try w.open()
        w.backend.script(.key(.char("2")), .key(.char("d")), .wait(.seconds(60)),
                         .run { b in
                             #expect(b.statusLine.contains("Cannot keep a recovery copy: …/.d.json.sysdraft-recovery"), "\(b.statusLine)")
                             #expect(b.statusLine.contains("Permission den"), "the reason is in sight: \(b.statusLine)")
                             #expect(b.bells == 1, "one bell, not one per retry")
                         },
                         .run { _ in w.fs.heal() }, .wait(.seconds(6)),
                         .run { b in
                             #expect(w.design(at: w.recoveryPath)?.components.count == 2)
                             #expect(b.statusLine.contains("The recovery copy is kept again"))
                         },
                         .key(.char("q")), .key(.char("n")))
        #expect(loop.run() == .quit)
        // 60 s of failing: a try when due, then one every 5 s, not one per loop.
        #expect(w.fs.injectedFailures <= 14, "\(w.fs.injectedFailures) attempts")
    }

    // MARK: input

    @Test("a multi-line paste into a form is text: one requirement, nothing run")
    func pasteIntoAForm() throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(.key(.char("a")), .paste("Fast reads\nDurable writes\nq"), .key(.enter),
                         .run { b in #expect(b.screen.contains("Fast reads Durable writes q")) },
                         .paste("d\nd\nq\n"),
                         .key(.char("q")), .key(.char("n")))
        #expect(loop.run() == .quit)
        #expect(w.design()?.requirements.count == 2, "quit without saving")
        #expect(w.backend.exhausted == 0)
    }

    @Test("a terminal too small: keys never reach the hidden form, and its text survives")
    func tooSmall() throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(.key(.char("a")), .type("Half"),
                         .resize(ScreenSize(columns: 40, rows: 10)),
                         .run { b in #expect(b.screen.contains("Terminal too small")) },
                         .type("xyz"), .key(.enter), .key(.escape), .paste("more\ntext"),
                         .resize(ScreenSize(columns: 120, rows: 36)),
                         .run { b in
                             #expect(b.screen.contains("New requirement"))
                             #expect(b.screen.contains("Half") && !b.screen.contains("Halfxyz"))
                         },
                         .key(.escape), .key(.char("d")), .key(.char("q")))   // Esc asks before dropping the text
        #expect(loop.run() == .quit)
        #expect(w.design()?.requirements.count == 2)
    }

    @Test func ctrlCQuitsACleanSession() throws {
        let w = World()
        w.file()
        let loop = try w.open()
        w.backend.script(.key(.ctrl("c")))
        #expect(loop.run() == .quit)
    }

    // MARK: opening

    @Test func fieldsTheModelDoesNotKnowMakeTheSessionReadOnlyAfterTheFirstFrame() throws {
        let w = World()
        var text = String(decoding: try DesignCodec.encode(World.sample()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"title\" :", with: "\"futureField\" : 1,\n  \"title\" :")
        w.fs.addFile(World.doc, Data(text.utf8))
        let loop = try w.open()
        var firstFrame = ""
        w.backend.script(.run { b in firstFrame = b.statusLine }, .key(.char("2")), .key(.char("d")), .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(firstFrame.contains("Read-only: d.json has fields sysdraft does not know (futureField)"))
        #expect(w.fs.lockHolder(of: World.doc) == nil)
        #expect(w.fs.contents(World.doc) == Data(text.utf8))
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let w = World()
        var d = World.sample()
        d.title = "Evil\u{1b}[2J\u{9b}31m\u{202e}gnp.exe"
        d.components[0].name = "pay\u{200b}ments\u{feff}"
        d.components[1].name = "pay\u{200d}ments\u{ad}\u{2060}\u{e0041}"
        d.requirements[0].text = "line\u{2028}break\u{7}\u{0}\u{85}"
        w.file(World.doc, d)
        let loop = try w.open()
        var screens: [String] = []
        w.backend.script(.run { b in screens.append(b.screen) }, .key(.char("2")), .key(.char("j")),
                         .run { b in screens.append(b.screen) }, .key(.char("D")),
                         .run { b in screens.append(b.screen) }, .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(w.backend.rawCharacters.isEmpty, "raw: \(w.backend.rawCharacters.prefix(5))")
        let all = screens.joined()
        #expect(all.contains("pay\\u{200b}ments"))
        #expect(all.contains("pay\\u{200d}ments"))
        #expect(all.contains("^[[2J"))
        for u in all.unicodeScalars {
            #expect(!(u.value < 0x20 && u.value != 0x0A) && !(0x7F...0x9F).contains(u.value)
                    && ![0x200B, 0x200D, 0xFEFF, 0x202E, 0xAD, 0x2060, 0xE0041].contains(u.value), "U+\(String(u.value, radix: 16))")
        }
    }

    @Test func anExistingFileThatCannotBeReadIsNeverOpenedAsNew() {
        let w = World()
        w.file()
        w.fs.setPermissions(World.folder, 0o600)
        #expect(throws: DesignFileError.self) { try w.open() }
        #expect(w.fs.log.isEmpty)
    }
}
