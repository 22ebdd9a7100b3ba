import Testing
@testable import Interview

@Suite struct KeywordMatcherTests {
    @Test func textIsNormalisedToWords() {
        #expect(KeywordMatcher.words("Redis-backed cache, 4,000 req/s (peak 40K).") ==
                ["redis", "backed", "cache", "4000", "req", "per", "second", "peak", "40k"])
        #expect(KeywordMatcher.words("10× traffic; 1.5 TB/day") == ["10x", "traffic", "1.5", "tb", "per", "day"])
        #expect(KeywordMatcher.words("read/write ratio, end.") == ["read", "write", "ratio", "end"])
        #expect(KeywordMatcher.words("") == [])
    }

    @Test func groupsAlternativesPrefixesAndNumbers() {
        let cache = KeywordMatcher(["cach*|redis|memcach*"])
        #expect(cache.matches("Link caching layer"))
        #expect(cache.matches("Memcached pool"))
        #expect(!cache.matches("A CDN edge"))
        // Phrases match consecutive words only.
        let fan = KeywordMatcher(["fan out|fanout"])
        #expect(fan.matches("fan-out on write"))
        #expect(!fan.matches("a fan points out"))
        // Every group must match (in the same text).
        let shard = KeywordMatcher(["shard*|partition*", "code*|key*"])
        #expect(shard.matches("Partitioned by short code"))
        #expect(!shard.matches("Partitioned by user"))
        // # is any word with a digit.
        let storage = KeywordMatcher(["#", "tb|terabyte*"])
        #expect(storage.matches("about 3 TB over five years"))
        #expect(!storage.matches("terabytes of data"))
        #expect(KeywordMatcher(["#", "second|qps"]).matches("40k/s at peak"))
        // An empty matcher matches nothing.
        #expect(!KeywordMatcher([]).matches("anything"))
    }

    @Test func badGroupsAreExplained() {
        #expect(KeywordMatcher.problem(inGroup: "cache|redis") == nil)
        #expect(KeywordMatcher.problem(inGroup: "  ") == "the group is empty")
        #expect(KeywordMatcher.problem(inGroup: "cache||redis")?.contains("alternative 2") == true)
        #expect(KeywordMatcher.problem(inGroup: "a*")?.contains("at least two letters") == true)
    }
}
