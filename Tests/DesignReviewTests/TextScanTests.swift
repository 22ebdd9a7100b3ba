@testable import DesignReview
import Testing

/// The ASCII fast path of `TextScan.mentions` reads text as the general (Unicode) path does: a
/// trailing non-ASCII word sends the same text down the general path for comparison.
@Suite struct TextScanTests {
    static let texts = [
        "Authenticates API keys", "no api key needed", "Uses an API key", "not authenticated", "Checks JWTs at the edge",
        "Sign in with Google", "never sign in", "log in, then no login", "OAuth2/OIDC", "Legacy billing mainframe",
        "Third-party payments", "third party", "not third party", "long-running batch job", "FAST cache", "",
        "   ", "api", "key api", "SLOW", "without slow calls", "slow", "x-slow-y",
    ]

    @Test func theFastPathAgreesWithTheGeneralOne() {
        for (words, phrases) in [(EdgeRules.authWords, EdgeRules.authPhrases), (ReliabilityRules.slowWords, ReliabilityRules.slowPhrases)] {
            for t in Self.texts {
                let fast = TextScan.mentions([t], words: words, phrases: phrases)
                let general = TextScan.mentions([t + " é"], words: words, phrases: phrases)
                #expect(TextScan.asciiMentions(t, words, phrases) != nil)
                // Non-ASCII text goes to the general path unless a match came before it.
                #expect(TextScan.asciiMentions(t + " é", words, phrases) == (fast ? true : nil))
                #expect(fast == general, "\(t)")
            }
        }
        #expect(TextScan.mentions(["Uses an API key"], words: EdgeRules.authWords, phrases: EdgeRules.authPhrases))
        #expect(!TextScan.mentions(["no api key needed"], words: EdgeRules.authWords, phrases: EdgeRules.authPhrases))
        #expect(!TextScan.mentions(["without slow calls"], words: ReliabilityRules.slowWords, phrases: ReliabilityRules.slowPhrases))
    }

    @Test func wordsSplitAsciiAndOtherTextAlike() {
        #expect(TextScan.words("Read-only LOOKUP, 2x") == ["read", "only", "lookup", "2x"])
        #expect(TextScan.words("Café LOOKUP") == ["café", "lookup"])
        #expect(ReviewContext.short("  padded  ") == "padded")
        #expect("  x ".trimmingWhitespace == "x" && "x".trimmingWhitespace == "x" && " ".trimmingWhitespace == "")
    }
}
