import DesignModel

/// Undo and redo of document changes, as whole-document snapshots (values share storage, so a
/// snapshot costs only what changed). Selection and focus travel with each snapshot so undo
/// shows the user where the change was.
public struct UndoHistory: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var design: Design
        public var focus: Pane
        public var selection: [Pane: Int]
        /// What the change was ("Delete component API"), shown when undone/redone.
        public var label: String
    }

    public private(set) var undoStack: [Entry] = []
    public private(set) var redoStack: [Entry] = []
    public var limit = 500

    public init() {}

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Records the state before a change; a new change forgets what could be redone.
    public mutating func record(_ entry: Entry) {
        undoStack.append(entry)
        if undoStack.count > limit { undoStack.removeFirst(undoStack.count - limit) }
        redoStack.removeAll()
    }

    /// Swaps the current state for the last recorded one; returns it, or nil with nothing to undo.
    public mutating func undo(current: Entry) -> Entry? {
        guard let last = undoStack.popLast() else { return nil }
        redoStack.append(Entry(design: current.design, focus: current.focus, selection: current.selection,
                               label: last.label))
        return last
    }

    public mutating func redo(current: Entry) -> Entry? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append(Entry(design: current.design, focus: current.focus, selection: current.selection,
                               label: next.label))
        return next
    }
}
