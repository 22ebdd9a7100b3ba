// Display width and sanitising live in TerminalText, shared with the diagram engine; everything
// that draws with TextUI gets them through this module.
@_exported import TerminalText
