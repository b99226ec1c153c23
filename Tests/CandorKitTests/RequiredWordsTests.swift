import Testing

@testable import CandorKit

@Suite struct RequiredWordsTests {
    @Test func wordsEveryMatchMustHold() {
        #expect(RequiredWords.words(for: #"\b(?:is|are|was)\s+(?:\w+ly\s+)?likely\s+to\b"#) == ["likely"])
        #expect(
            RequiredWords.words(for: #"(?m)^[ \t]*(?:sponsored|paid\s+for)\s+by\b|\bin\s+partnership"#)
                == ["paid", "partnership", "sponsored"])
        #expect(
            RequiredWords.words(for: #"\b(?:(?:some|many)\s+)?(?:experts|analysts)\s+say"#) == ["analysts", "experts"])
        #expect(RequiredWords.words(for: #"\bwell[- ]known\b"#) == ["known"], "the longer of two words")
        #expect(RequiredWords.words(for: #"\b[A-Z]\w+\s+(?i:said|says)\b"#) == ["said", "says"])
        #expect(RequiredWords.words(for: #"\bdisclaimers?\b"#) == ["disclaimer"])
    }

    @Test func unclearShapesAreNeverSkipped() {
        #expect(RequiredWords.words(for: #"\b\w+ly\s+\d+"#) == nil, "no literal word")
        #expect(RequiredWords.words(for: #"\bmay\b|\d+%"#) == nil, "one alternative has no word")
        #expect(RequiredWords.words(for: #"(?:very\s+)?good"#) == nil, "'good' may follow a letter")
        #expect(RequiredWords.words(for: #"\b(?:is|are)\s+(?:the\s+)?x"#) == nil, "only common words")
        #expect(RequiredWords.words(for: #"\bfoo(?:bar"#) == nil, "unbalanced")
        #expect(RequiredWords.words(for: #"(?x) \b foo bar"#) == nil, "extended mode")
        #expect(RequiredWords.words(for: #"\b(?:alpha|)\s+beta"#) == ["beta"])
        #expect(RequiredWords.words(for: #"\b(?:alpha\s+)?(?:x|beta)"#) == nil, "'x' is too short to look for")
        #expect(RequiredWords.words(for: #"\bshap(?:ing|e)\s+the\s+future"#) == ["future"])
    }

    /// A pattern with no place to search from can still say what a document must hold: a rare
    /// word or a rare punctuation character in every way through it.
    @Test func scanGatesHoldEveryMatchesWordOrPunctuation() throws {
        let link = #"(?=https?:|www\.|\[\d)(?:\bhttps?://\S+|\bwww\.[a-z]+\.[a-z]+|\[\d{1,3}\]|\bdoi:\s*10\.\S+)"#
        let gate = try #require(ScanGate(pattern: link))
        #expect(gate.words == ["doi", "http", "www"])
        #expect(gate.bytes == Array("[".utf8))
        #expect(ScanGate(pattern: #"\$\d+|\d+%"#)?.bytes == Array("$%".utf8), "one rare character in each way")
        #expect(ScanGate(pattern: #"\d(?:@|#)\d"#)?.bytes == Array("#@".utf8), "a group, each way rare")
        #expect(ScanGate(pattern: #"\bfoo\d|x{2}@"#) == ScanGate(words: ["foo"], bytes: Array("@".utf8)))
        #expect(ScanGate(pattern: #"\d+(?:%)?"#) == nil, "an optional character is not held by every match")
        #expect(ScanGate(pattern: #"\d+:\d+|\[\d\]"#) == nil, "a colon is too common to look for")
        #expect(ScanGate(pattern: #"\[\d\]|\d+"#) == nil, "one way holds nothing known")
        #expect(ScanGate(pattern: #"(?=\[)\d"#) == nil, "a lookahead's characters are not matched")
    }

    @Test func listRequiredWordsOfCoreRules() {
        var gated = 0
        var total = 0
        for rule in TestSupport.core.ruleset.rules {
            guard case .span(let span) = rule.kind, span.phrases == nil else { continue }
            total += 1
            if let words = RequiredWords.words(for: span.regex.pattern) {
                gated += 1
                print("required \(rule.id): \(words.joined(separator: " "))")
            } else {
                print("required \(rule.id): none")
            }
        }
        print("pattern rules with required words: \(gated) of \(total)")
        #expect(gated > 0)
    }
}
