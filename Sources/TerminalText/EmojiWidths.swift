/// How the terminal draws the emoji sequences terminals disagree on. Most current terminals
/// draw an emoji with a skin-tone modifier (👍🏽) and a ZWJ sequence (👨‍👩‍👧) as one two-cell
/// glyph; some (tmux 3.3, older VTE) draw the modifier as a glyph of its own, or each part of a
/// ZWJ sequence side by side. The workspace measures the terminal once at start-up
/// (`CursesTerminal` asks where the cursor ends after each sequence) and sets
/// `DisplayWidth.emoji`, so every cluster takes the cells the terminal gives it. Everything
/// else (reports, the command line) uses `joined`.
public struct EmojiWidths: Equatable, Sendable {
    /// Cells of an emoji with a skin-tone modifier: 2 when drawn as one glyph, 4 when not.
    public var modifierSequence: Int
    /// True when a ZWJ sequence is drawn as one two-cell glyph; false when its parts are drawn
    /// side by side (then it takes the sum of their widths).
    public var zwjJoined: Bool

    public init(modifierSequence: Int, zwjJoined: Bool) {
        self.modifierSequence = modifierSequence
        self.zwjJoined = zwjJoined
    }

    /// One glyph each: current terminals and the Unicode recommendation (UTS #51).
    public static let joined = EmojiWidths(modifierSequence: 2, zwjJoined: true)
}

extension DisplayWidth {
    /// The widths in effect: a task's own (`withEmojiWidths`, for tests), else the terminal's.
    public static var emoji: EmojiWidths {
        get { taskEmoji ?? terminalEmoji }
        set { terminalEmoji = newValue }
    }

    /// Set once, before anything is drawn (the terminal backend measures it).
    nonisolated(unsafe) static var terminalEmoji = EmojiWidths.joined
    @TaskLocal static var taskEmoji: EmojiWidths?

    /// Runs `body` with other emoji widths for this task only (tests run in parallel).
    public static func withEmojiWidths<T>(_ widths: EmojiWidths, _ body: () throws -> T) rethrows -> T {
        try $taskEmoji.withValue(widths, operation: body)
    }
}
