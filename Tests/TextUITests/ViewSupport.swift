import TestSupport
import DesignModel
import DesignStorage
import Foundation
import Testing
@testable import TextUI
@testable import Workspace

// Helpers for the view golden tests and view property checks. Names start with `view` so
// they do not collide with the other TextUI test files.

/// The package root, found from this file's path (Tests/TextUITests/ViewSupport.swift).
let viewPackageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Where the view golden files live.
let viewGoldenDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent("Golden/views")

/// The real stage catalogue from Assets/stages.json.
let viewCatalogue: StageCatalogue = {
    do { return try AssetLocator(root: viewPackageRoot).catalogue() } catch {
        fatalError("cannot load Assets/stages.json: \(error)")
    }
}()

/// The worked example from Assets/examples/url-shortener.json.
let viewExample: Design = {
    let path = viewPackageRoot.appendingPathComponent("Assets/examples/url-shortener.json").path
    do { return try DesignFile.load(path) } catch {
        fatalError("cannot load \(path): \(error)")
    }
}()

let viewNow = Date(timeIntervalSince1970: 1_800_000_000)
let viewEnv = Environment(now: { viewNow }, themeNames: { ["default", "light"] },
                          completePath: { prefix in ["designs/a.json", "designs/b.json"].filter { $0.hasPrefix(prefix) } })

/// A state for a design at a screen size, as the app would have it after start and a resize.
func viewState(_ design: Design, _ columns: Int, _ rows: Int, file: String = "/home/ada/designs/url-shortener.json") -> AppState {
    var s = AppState(design: design, filePath: file, catalogue: viewCatalogue)
    _ = Workspace.reduce(&s, .resized(ScreenSize(columns: columns, rows: rows)), viewEnv)
    return s
}

func viewSend(_ state: inout AppState, _ keys: Key...) {
    for k in keys { _ = Workspace.reduce(&state, .key(k), viewEnv) }
}

func viewType(_ state: inout AppState, _ text: String) {
    for c in text { _ = Workspace.reduce(&state, .key(.char(c)), viewEnv) }
}

/// Renders a state into a fresh grid (with fresh view memory unless one is given).
func viewRender(_ state: AppState, memory: inout ViewMemory) -> Grid {
    var grid = Grid(width: 1, height: 1)
    WorkspaceView.render(state, into: &grid, memory: &memory)
    return grid
}

func viewRender(_ state: AppState) -> Grid {
    var memory = ViewMemory()
    return viewRender(state, memory: &memory)
}

/// Problems with a rendered grid: a row that is not exactly `width` columns, a raw control
/// or bidi scalar in a cell, a broken wide-glyph pair, a cursor outside the grid.
func viewGridProblems(_ grid: Grid) -> [String] {
    var problems: [String] = []
    for y in 0..<grid.height {
        var columns = 0
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.isContinuation {
                let head = x > 0 ? grid[x - 1, y] : nil
                if head == nil || head!.isContinuation || DisplayWidth.of(head!.symbol) != 2 {
                    problems.append("row \(y) col \(x): continuation without a wide head")
                }
                continue
            }
            let w = DisplayWidth.of(cell.symbol)
            if w != 1 && w != 2 { problems.append("row \(y) col \(x): cell \(cell.symbol.debugDescription) is \(w) columns") }
            if w == 2 && (x + 1 >= grid.width || !grid[x + 1, y].isContinuation) {
                problems.append("row \(y) col \(x): wide glyph \(cell.symbol.debugDescription) without continuation")
            }
            columns += w  // a wide head counts both its columns; its continuation adds none
            if Sanitize.needsSanitizing(cell.symbol) {
                problems.append("row \(y) col \(x): cell \(cell.symbol.debugDescription) holds a character drawn raw")
            }
            for u in cell.symbol.unicodeScalars where Sanitize.isUnsafe(u) || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0) {
                problems.append("row \(y) col \(x): raw U+\(String(u.value, radix: 16, uppercase: true)) in a cell")
            }
        }
        if columns != grid.width { problems.append("row \(y): \(columns) columns, grid is \(grid.width)") }
    }
    if let c = grid.cursor, !(c.x >= 0 && c.x < grid.width && c.y >= 0 && c.y < grid.height) {
        problems.append("cursor \(c) outside the \(grid.width)×\(grid.height) grid")
    }
    return problems
}

func expectSaneGrid(_ grid: Grid, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let problems = viewGridProblems(grid)
    if !problems.isEmpty {
        Issue.record("\(what): \(problems.prefix(8).joined(separator: "\n"))\n\(grid.lines().joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
    }
    // The plain text lines, measured as whole strings, are the grid width too.
    for (y, line) in grid.lines().enumerated() where DisplayWidth.of(line) != grid.width {
        Issue.record("\(what): line \(y) is \(DisplayWidth.of(line)) columns, not \(grid.width): \(line)",
                     sourceLocation: sourceLocation)
    }
}

/// Side borders of the panes and the detail strip that text has drawn over (panes screen,
/// nothing open over it): long or hostile text must stop inside its box.
func viewBrokenBorders(_ state: AppState, _ grid: Grid) -> [String] {
    guard !state.size.isTooSmall, state.screen == .panes,
          state.overlays.allSatisfy({ if case .search = $0 { return true }; return false }) else { return [] }
    let layout = ScreenLayout.compute(state.size, focus: state.focus)
    var problems: [String] = []
    for rect in Array(layout.panes.values) + [layout.detail].compactMap({ $0 }) where rect.height > 2 {
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            for x in [rect.x, rect.maxX - 1] where !["│", "┃"].contains(grid[x, y].symbol) {
                problems.append("border of \(rect) overdrawn at (\(x),\(y)): \(grid[x, y].symbol.debugDescription)")
            }
        }
    }
    return problems
}

/// Compares text with `Golden/views/<name>.txt`; `SYSDRAFT_RECORD=1` writes the file instead.
/// A mismatch reports the first differing line and the whole actual screen.
func expectViewGolden(_ name: String, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = lines.joined(separator: "\n") + "\n"
    let url = viewGoldenDirectory.appendingPathComponent(name + ".txt")
    if let problem = GoldenFile.check(actual, at: url, showActual: true) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}

typealias ViewRNG = SeededGenerator
