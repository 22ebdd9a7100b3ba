import CNcursesw
import Foundation
import Testing
@testable import CursesTerminal

/// Calls into the real ncursesw library, so a broken link, a missing wide-character API or a
/// wrong shim shows up in CI rather than at the user's first keystroke.
@Suite struct NcursesLinkTests {
    @Test func wideCharacterWidthsComeFromTheLibrary() {
        setlocale(LC_ALL, "C.UTF-8")
        #expect(sd_wcwidth(UnicodeScalar("a").value) == 1)
        #expect(sd_wcwidth(UnicodeScalar("漢").value) == 2)
        #expect(sd_wcwidth(0x0301) == 0, "combining acute accent")
    }

    @Test func theLibraryIsNcurses6() {
        #expect(String(cString: curses_version()).hasPrefix("ncurses 6"))
    }

    @Test func theWideCharacterShimImported() {
        // setcchar only exists when NCURSES_WIDECHAR is on: building a cell proves the shim works.
        var cell = cchar_t()
        var text: [wchar_t] = [wchar_t(UnicodeScalar("é").value), 0]
        #expect(setcchar(&cell, &text, sd_a_bold(), 0, nil) == OK)
        var back = [wchar_t](repeating: 0, count: 6)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        #expect(getcchar(&cell, &back, &attrs, &pair, nil) == OK)
        #expect(back[0] == wchar_t(UnicodeScalar("é").value))
        #expect(attrs & sd_a_bold() != 0)
    }
}
