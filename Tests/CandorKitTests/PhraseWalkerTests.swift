import PCRE2Kit
import Testing

@testable import CandorKit

/// The walker must report exactly what the trie patterns' callouts report, character for character,
/// including where PCRE2's own idea of a word or space character beyond ASCII decides.
@Suite struct PhraseWalkerTests {
    static let native = PhraseIndex(rules: TestSupport.core.ruleset.rules)
    static let patterns = PhraseIndex(rules: TestSupport.core.ruleset.rules, native: false)

    private func expectSameCandidates(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (native, patterns) = (try #require(Self.native), try #require(Self.patterns))
        let matcher = Matcher()
        let bytes = Array(text.utf8)
        let walked = try native.candidates(in: bytes, matcher: matcher)
        let called = try patterns.candidates(in: bytes, matcher: matcher)
        // Name the rules that differ rather than print every range of every rule.
        let rules = TestSupport.core.ruleset.rules
        let differing = rules.indices.filter {
            walked.matches[$0] != called.matches[$0] || walked.anchors[$0] != called.anchors[$0]
        }
        #expect(differing.map { rules[$0].id } == [], sourceLocation: sourceLocation)
    }

    @Test func theCoreRulesetIsWalkedNatively() throws {
        let native = try #require(Self.native)
        #expect(native.walker != nil)
        #expect(native.chunks.isEmpty, "no trie pattern is compiled when the walker runs")
        #expect(try #require(Self.patterns).walker == nil)
    }

    @Test func walkerAndPatternsAgreeOnArticles() throws {
        for text in SharedPassTests.texts { try expectSameCandidates(text) }
    }

    /// Every phrase and word of the core rules, written in the forms a text can take: capitals, curly
    /// quotes and Unicode hyphens, spaces beyond ASCII between words, letters beyond ASCII against
    /// them, the Kelvin sign and long s (PCRE2's only caseless partners of ASCII letters), and cut off.
    @Test func walkerAndPatternsAgreeOnEveryPhraseInEveryForm() throws {
        var words: [String] = []
        for rule in TestSupport.core.ruleset.rules {
            guard case .span(let span) = rule.kind else { continue }
            words += span.phrases ?? []
        }
        words += ["according to", "experts say", "it's", "so-called", "data"]
        let spaces = [" ", "  ", "\n", "\u{00A0}", "\u{2003}", "\u{2028}", "\u{200B}", "\t \r\n"]
        let edges = ["", "é", "_", "9", "\u{0301}", "专", "’", "-", ".", "\u{00A0}", "0", "Z", "\u{212A}"]
        var forms: [String] = []
        for (index, phrase) in words.enumerated() {
            let space = spaces[index % spaces.count]
            let edge = edges[index % edges.count]
            let spaced = phrase.split(separator: " ").joined(separator: space)
            let variant: String
            switch index % 5 {
            case 0: variant = spaced.uppercased()
            case 1: variant = spaced.replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: "-", with: "‑")
            case 2:
                variant = spaced.replacingOccurrences(of: "k", with: "\u{212A}").replacingOccurrences(
                    of: "s", with: "ſ")
            case 3: variant = String(spaced.dropLast())
            default: variant = spaced
            }
            forms.append(edge + variant + edge)
            forms.append(variant + edge + " " + phrase)
        }
        try expectSameCandidates(forms.joined(separator: " "))
        try expectSameCandidates(forms.joined(separator: "\n"))
        try expectSameCandidates(forms.joined())
    }

    /// A large text walked in stretches on all cores finds what one walk finds, rule by rule and in
    /// order: matches, word places and lead words alike, whatever the number of stretches.
    @Test func walkingInStretchesFindsWhatOneWalkFinds() throws {
        let native = try #require(Self.native)
        let text = Array(SharedPassTests.manyArticles.joined(separator: "\n\n").utf8)
        let whole = try native.candidates(in: text, matcher: Matcher())
        for pieces in [2, 7, 64] {
            let parts = try native.candidates(in: text, matcher: Matcher(), pieces: pieces)
            let rules = TestSupport.core.ruleset.rules.indices
            #expect(rules.filter { parts.matches[$0] != whole.matches[$0] } == [], "\(pieces) pieces")
            #expect(rules.filter { parts.anchors[$0] != whole.anchors[$0] } == [], "\(pieces) pieces")
            let (partLeads, wholeLeads) = (try #require(parts.leads), try #require(whole.leads))
            #expect(native.leadWords.indices.filter { partLeads[$0] != wholeLeads[$0] } == [], "\(pieces) pieces")
        }
        let walker = try #require(native.walker)
        let cuts = text.withUnsafeBufferPointer { walker.cuts(in: $0, pieces: 64) }
        #expect(cuts.count > 40 && cuts.first == 0 && cuts.last == text.count)
        #expect(cuts == cuts.sorted())
    }

    /// Where a rule's matches overlap, a walk keeps the first and skips what starts inside it; a cut
    /// between the two would keep both, so cuts fall only where no match can reach across.
    @Test func noCutFallsInsideAMatch() throws {
        let yaml = "rules:\n" + TestSupport.ruleYAML("overlap", "phrases: ['aa bb', 'bb cc']")
        let rules = try TestSupport.loadPack(yaml, trusted: true).ruleset.rules
        let index = try #require(PhraseIndex(rules: rules))
        let text = Array(String(repeating: "aa bb cc. ", count: 500).utf8)
        let whole = try index.candidates(in: text, matcher: Matcher())
        #expect(whole.matches[0].count == 500)
        for pieces in [3, 64, 499] {
            #expect(try index.candidates(in: text, matcher: Matcher(), pieces: pieces).matches[0] == whole.matches[0])
        }
    }

    /// Phrases spelt with a curly apostrophe, a Unicode hyphen or a no-break space are still walked,
    /// and find what the patterns find in every spelling of them.
    @Test func phrasesWithQuotesHyphensAndSpacesBeyondASCIIAreWalked() throws {
        let phrases = ["it’s rumoured", "world‐class  deal", "so\u{00A0}called", "don't-miss"]
        let list = phrases.map { "\"\($0)\"" }.joined(separator: ", ")
        let pack = try TestSupport.loadPack(
            "rules:\n" + TestSupport.ruleYAML("spelt", "phrases: [\(list)]"), trusted: true)
        let rules = pack.ruleset.rules
        let native = try #require(PhraseIndex(rules: rules))
        let patterns = try #require(PhraseIndex(rules: rules, native: false))
        #expect(native.walker != nil)
        let text =
            "It's rumoured, IT’S RUMOURED and it’s\nrumoured; a World-Class deal, world‑class\u{00A0}deal; "
            + "so called and so-called; don’t‐miss, DON'T-MISS and dont miss."
        let matcher = Matcher()
        let walked = try native.candidates(in: Array(text.utf8), matcher: matcher)
        let called = try patterns.candidates(in: Array(text.utf8), matcher: matcher)
        #expect(walked.matches[0] == called.matches[0])
        let found = walked.matches[0].map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        #expect(
            found == [
                "It's rumoured", "IT’S RUMOURED", "it’s\nrumoured", "World-Class deal", "world‑class\u{00A0}deal",
                "so called", "don’t‐miss", "DON'T-MISS",
            ])
    }

    @Test func aPhraseWithALetterBeyondASCIIKeepsThePatterns() throws {
        let yaml = "rules:\n" + TestSupport.ruleYAML("cafe", "phrases: ['café society', 'plain words']")
        let pack = try TestSupport.loadPack(yaml, trusted: true)
        let index = try #require(PhraseIndex(rules: pack.ruleset.rules))
        #expect(index.walker == nil)
        let report = Auditor(ruleset: pack.ruleset).audit(
            Document(path: "a.txt", bytes: Array("The CAFÉ Society and plain words.".utf8)))
        #expect(report.findings.map(\.ruleId) == ["hedging.cafe", "hedging.cafe"])
    }

    /// The trie's nodes are laid out breadth first near the root and depth first below: every node
    /// once, the root first, the top levels level by level, then each subtree below them in one run,
    /// and every parent before its children.
    @Test func theLayoutPlacesEveryNodeOnceAndEachParentFirst() {
        var trie = WalkerTrie()
        let phrases: [[UInt8]] = [[5, 6, 7, 8, 9], [5, 6, 7, 8, 10], [5, 11], [12, 13, 14, 15], [12, 13, 16]]
        for (mark, phrase) in phrases.enumerated() { trie.insert(phrase, mark: mark) }
        let order = PhraseWalker.layout(trie, breadthFirstLevels: 2)
        #expect(order.first == 0)
        #expect(order.sorted() == Array(0..<order.count))
        var place = [Int](repeating: 0, count: order.count)
        for (index, node) in order.enumerated() { place[node] = index }
        var depth = [0: 0]
        var top: [Int: Int] = [:]
        for node in order {
            var child = trie.firstChild(of: node)
            while child >= 0 {
                #expect(place[child] > place[node])
                depth[child] = depth[node]! + 1
                top[child] = depth[node]! == 2 ? node : top[node]
                child = trie.nextSibling(of: child)
            }
        }
        // Levels 1 and 2 come whole before anything deeper.
        let shallow = order.prefix { depth[$0]! <= 2 }
        #expect(shallow.count == order.filter { depth[$0]! <= 2 }.count)
        // Below them each subtree is one run: its level-2 ancestor, once left, never comes back.
        var runs: [Int] = []
        for node in order.dropFirst(shallow.count) where runs.last != top[node] { runs.append(top[node]!) }
        #expect(runs.count == Set(runs).count)
        #expect(order.count - shallow.count == 7)
    }
}
