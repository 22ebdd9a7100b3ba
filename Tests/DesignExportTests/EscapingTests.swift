import DesignExport
import Foundation
import Testing

@Suite struct EscapingTests {
    /// Each hostile string, placed in a table cell, a task item, a heading, a paragraph and a
    /// multi-line block, renders through cmark-gfm as exactly its own text: no markup, no
    /// broken structure, nothing lost.
    @Test(arguments: Fixtures.hostile.filter { !TextSafety.oneLine($0).isEmpty })
    func userTextRendersLiterally(_ s: String) throws {
        let one = TextSafety.oneLine(s)
        let md = """
            | head | other |
            | --- | --- |
            | \(MarkdownText.inline(s)) | after |

            - [ ] \(MarkdownText.inline(s))

            ### \(MarkdownText.inline(s, heading: true))

            Lead: \(MarkdownText.inline(s, atLineStart: false))

            see [\(MarkdownText.inline(s, atLineStart: false))](#anchor)

            \(MarkdownText.block(s + "\n\n" + s))

            """
        let html = try cmarkGFM(md)
        let tables = HTML.tables(html)
        try #require(tables.count == 1)
        #expect(tables[0].headerCells == 2)
        #expect(tables[0].bodyText == [[one, "after"]])
        #expect(HTML.count("<input", in: html) == 1)
        #expect(HTML.elements("li", in: html).map(HTML.text) == [" " + one])
        #expect(HTML.elements("h3", in: html).map(HTML.text) == [one])
        let paragraphs = HTML.elements("p", in: html).map(HTML.text)
        let lines = TextSafety.paragraphs(s).map { $0.joined(separator: "\n") }
        #expect(paragraphs == ["Lead: " + one, "see " + one] + lines + lines)
        #expect(HTML.hrefs(html).filter { $0 == "#anchor" }.count == 1)
        #expect(HTML.elements("a", in: html).contains { HTML.text($0) == one })
        let tags = Set(HTML.tagNames(try cmarkGFM(md, unsafe: true)))
        #expect(tags.isSubset(of: ["table", "thead", "tbody", "tr", "th", "td", "ul", "li", "input", "h3", "p",
                                   "br", "a"]))
        for href in HTML.hrefs(html) { #expect(href.hasPrefix("http") || href == "#anchor") }
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(TextSafety.visible("a\u{1B}[31mb") == "a^[[31mb")
        #expect(TextSafety.visible("\u{0}\u{7}\u{7F}\u{9B}") == "^@^G^?U+009B")
        #expect(TextSafety.visible("x\u{202E}y\u{2066}") == "xU+202EyU+2066")
        #expect(TextSafety.visible("a\r\nb\rc\u{2028}d\te") == "a\nb\nc\nd e")
        #expect(TextSafety.visible("plain 🚀 缩短") == "plain 🚀 缩短")
        #expect(TextSafety.oneLine("  a \n\n b\n") == "a / b")
        #expect(TextSafety.paragraphs(" a\n b \n\n\n c ") == [["a", "b"], ["c"]])
    }

    @Test func escapesOnlyWhatCouldBeSyntax() {
        #expect(MarkdownText.inline("load-balancer 2.0 (C#) x > y") == "load-balancer 2.0 (C#) x > y")
        #expect(MarkdownText.inline("- a") == "\\- a")
        #expect(MarkdownText.inline("12. a") == "12\\. a")
        #expect(MarkdownText.inline("a|b") == "a\\|b")
        #expect(MarkdownText.inline("R&D &amp;") == "R&D \\&amp;")
        #expect(MarkdownText.inline("Foo #", heading: true) == "Foo \\#")
        #expect(MarkdownText.block("a\n- b\n\nc") == "a\\\n\\- b\n\nc")
        #expect(MarkdownText.fence(for: "a ```` b") == "`````")
        #expect(MarkdownText.fence(for: "plain") == "```")
    }

    @Test func slugsFollowGitHub() {
        var s = HeadingSlugger()
        #expect(s.slug("1. Requirements clarification") == "1-requirements-clarification")
        #expect(s.slug("Checklist") == "checklist")
        #expect(s.slug("Checklist") == "checklist-1")
        #expect(s.slug("Checklist") == "checklist-2")
        #expect(s.slug("checklist-1") == "checklist-1-1")
        #expect(s.slug("trade-3: Cache 🚀 strategy") == "trade-3-cache--strategy")
        #expect(s.slug("Ünïcode 缩短 snake_case") == "ünïcode-缩短-snake_case")
        #expect(s.slug("") == "")
    }
}
