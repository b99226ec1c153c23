import CandorTestSupport
import Foundation
import Testing

@testable import CandorKit

/// The shared phrase pass must find exactly what every rule's own pattern finds.
@Suite struct SharedPassTests {
    static let separate = Auditor(ruleset: TestSupport.core.ruleset, sharedPhrasePass: false)

    static let texts: [String] = {
        let folder = TestSupport.shared.appendingPathComponent("corpus/bbc")
        var texts = [ScoringTests.sample]
        for category in ["business", "entertainment", "politics", "sport", "tech"] {
            for index in stride(from: 1, through: 380, by: 19) {
                let file = folder.appendingPathComponent(category).appendingPathComponent(
                    String(format: "%03d.txt", index))
                if let text = try? String(contentsOf: file, encoding: .utf8) { texts.append(text) }
            }
        }
        return texts
    }()

    /// Many articles for tests that need bulk rather than variety: the corpus sample above, or the
    /// project's sample a hundred times where the corpus is not at hand.
    static let manyArticles: [String] = texts.count > 1 ? texts : Array(repeating: ScoringTests.sample, count: 100)

    private func signature(_ report: DocumentReport) -> [String] {
        (report.findings + report.signals).map { "\($0.ruleId)@\($0.byteStart)-\($0.byteEnd)" }
    }

    @Test(.needsShared("corpus/bbc")) func sharedAndSeparatePassesAgree() {
        #expect(Self.texts.count > 90)
        for text in Self.texts {
            let document = Document(path: "a.txt", bytes: Array(text.utf8))
            #expect(signature(TestSupport.auditor.audit(document)) == signature(Self.separate.audit(document)))
        }
    }

    /// The benchmark's headroom skips the rules that find nothing in a document; running only some
    /// rules must give exactly their part of the full matches, or that bound would be of other work.
    @Test(.needsShared("corpus/bbc")) func matchingOnlySomeRulesGivesTheirShareOfTheFullMatches() {
        let auditor = TestSupport.auditor
        let count = auditor.ruleset.rules.count
        var rulesSeen = Set<Int>()
        for text in Self.texts.prefix(40) {
            let document = Document(path: "a.txt", bytes: Array(text.utf8))
            let matches = auditor.matchSpans(document).matches
            let full = matches.map { "\($0.rule)@\($0.range)" }
            let found = Set(matches.map(\.rule))
            rulesSeen.formUnion(found)
            let finding = (0..<count).map(found.contains)
            #expect(auditor.matchSpans(document, onlyRules: finding).matches.map { "\($0.rule)@\($0.range)" } == full)
            #expect(auditor.matchSpans(document, onlyRules: [Bool](repeating: false, count: count)).matches.isEmpty)
            for rule in found {
                let alone = (0..<count).map { $0 == rule }
                let expected = full.filter { $0.hasPrefix("\(rule)@") }
                #expect(
                    auditor.matchSpans(document, onlyRules: alone).matches.map { "\($0.rule)@\($0.range)" } == expected)
            }
        }
        #expect(rulesSeen.count > 30)
    }

    @Test(.needsShared("corpus/bbc")) func oneLargeDocumentMatchedOnAllCoresGivesTheOneCoreResult() {
        let text = Self.texts.joined(separator: "\n\n")
        let document = Document(path: "large.txt", bytes: Array(text.utf8))
        let oneCore = Auditor(ruleset: TestSupport.core.ruleset, parallelRulesThreshold: .max)
        let allCores = Auditor(ruleset: TestSupport.core.ruleset, parallelRulesThreshold: 0)
        let expected = signature(oneCore.audit(document))
        #expect(expected.count > 500)
        #expect(signature(allCores.audit(document)) == expected)
    }

    /// A gated rule searches only near its required words, which may fall in the middle of a match:
    /// dense words with no match among them, and a match run over hard-wrapped lines, are found exactly
    /// as a scan of the whole text finds them.
    @Test func gatedRulesSearchedNearTheirWordsAgreeWithAWholeScan() throws {
        let pattern = #"pattern: '\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:believed|thought)\s+to\b'"#
        let yaml = "rules:\n" + TestSupport.ruleYAML("held-view", pattern)
        let pack = try TestSupport.loadPack(yaml, trusted: true)
        let index = try #require(PhraseIndex(rules: pack.ruleset.rules))
        #expect(index.gatedRules == [0], "the rule is gated on its required words, not anchored at its start")
        #expect(index.ledRules == [0], "its leading words are too common to anchor on, but narrow the search")
        let text =
            String(repeating: "They believed it; we thought so; believed, thought, believed. ", count: 40)
            + "It is\nwidely\nbelieved to work. The plan was thought to fail, and\nwas\nthought to be late.\n\n"
            + String(repeating: "Nobody believed it was thought to be true. ", count: 20)
            + "Prices are believed to rise."
        let document = Document(path: "a.txt", bytes: Array(text.utf8))
        let shared = signature(Auditor(ruleset: pack.ruleset).audit(document))
        #expect(shared.count == 24, "is widely believed, was thought twice, 20 repeats, are believed")
        #expect(shared == signature(Auditor(ruleset: pack.ruleset, sharedPhrasePass: false).audit(document)))
    }

    /// The link rule is scanned only in documents holding one of its words or a bracket; every form
    /// of link it flags, a citation right after a word included, is still found exactly.
    @Test func aRuleScannedBehindItsGateAgreesWithAWholeScan() throws {
        let link = try #require(TestSupport.core.ruleset.rules.firstIndex { $0.id == "transparency.link" })
        let index = try #require(TestSupport.auditor.phraseIndex)
        #expect(index.role(of: link) == .gatedScan)
        let texts = [
            "The figures are at https://example.org/data.csv, the agency said.",
            "See WWW.ONS.GOV.UK for the tables.", "The paper (doi: 10.1000/182) says so.",
            "The claim is disputed.[12] Others agree.", "Wikipedia[3] lists it; so does a book [4].",
            "No links here: just prose, 10:30 and (brackets).", "",
        ]
        for text in texts {
            let document = Document(path: "a.txt", bytes: Array(text.utf8))
            let shared = signature(TestSupport.auditor.audit(document)).filter { $0.hasPrefix("transparency.link@") }
            let whole = signature(Self.separate.audit(document)).filter { $0.hasPrefix("transparency.link@") }
            #expect(shared == whole, "\(text)")
            let holdsLink = !text.isEmpty && !text.hasPrefix("No links")
            #expect(shared.isEmpty != holdsLink, "\(text)")
        }
    }

    @Test func ruleExamplesAgreeToo() {
        for rule in TestSupport.core.ruleset.rules {
            for example in rule.examples.flag + rule.examples.pass {
                let text = ExampleRunner.parseMarkers(example).0
                let document = Document(path: "example", bytes: Array(text.utf8))
                #expect(
                    signature(TestSupport.auditor.audit(document)) == signature(Self.separate.audit(document)),
                    "\(rule.id): \(example)")
            }
        }
    }
}

/// A pack with thousands of phrases still shares one pass: a trie too large for one PCRE2 pattern
/// is split, never dropped in favour of a scan per rule.
@Suite struct LargePhrasePackTests {
    @Test func thousandsOfPhrasesStillShareThePass() throws {
        var yaml = "rules:\n"
        for rule in 0..<40 {
            let phrases = (0..<150).map { "'zq\(rule)x\($0) word\($0 % 7)'" }.joined(separator: ", ")
            yaml += TestSupport.ruleYAML("bulk-\(rule)", "phrases: [\(phrases)]")
        }
        let pack = try TestSupport.loadPack(yaml, trusted: true)
        #expect(pack.errors.isEmpty)
        let index = try #require(PhraseIndex(rules: pack.ruleset.rules))
        #expect(index.phraseRules.count == 40)
        #expect(index.walker != nil)
        let patterns = try #require(PhraseIndex(rules: pack.ruleset.rules, native: false))
        #expect(patterns.chunks.count > 1, "6,000 phrases do not fit one pattern")
        let document = Document(path: "a.txt", bytes: Array("It says zq39x149 word2 twice: ZQ39X149  word2.".utf8))
        let report = Auditor(ruleset: pack.ruleset).audit(document)
        #expect(report.findings.filter { $0.ruleId == "hedging.bulk-39" }.count == 2)
    }
}
