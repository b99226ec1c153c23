import CandorKit
import CandorTestSupport
import Foundation
import Testing

/// The properties the scoring model promises, checked on the sample article and real BBC articles.
@Suite struct ScoringTests {
    static let sample = (try? String(contentsOf: TestSupport.sampleArticle, encoding: .utf8)) ?? ""

    /// The sample plus a spread of professionally edited articles.
    static let articles: [String] = {
        let folder = TestSupport.shared.appendingPathComponent("corpus/bbc/tech")
        let bbc = stride(from: 1, through: 400, by: 40).compactMap { index in
            try? String(contentsOf: folder.appendingPathComponent(String(format: "%03d.txt", index)), encoding: .utf8)
        }
        return [sample] + bbc
    }()

    static let flaggedSentences = [
        "Experts say the market may become the next big thing.",
        "Analysts are expected to keep watching as it gains traction.",
        "This game-changing app is not financial advice.",
        "It could potentially reshape the industry, many believe.",
    ]

    static let namedSourceSentences = [
        "Jane Doe, chief economist at Ipsos, said the figures were accurate.",
        "\"We checked every number,\" said Dr Tom Bell of the Office for National Statistics.",
    ]

    private func assertAddsUp(_ report: DocumentReport) {
        #expect(report.base + report.breakdown.reduce(0) { $0 + $1.points } == report.score)
        #expect((0...100).contains(report.score))
    }

    @Test func theSampleIsAvailable() {
        #expect(!Self.sample.isEmpty)
    }

    @Test(.needsShared("corpus/bbc/tech")) func corpusArticlesAreAvailable() {
        #expect(Self.articles.count == 11)
    }

    @Test(arguments: articles.indices)
    func breakdownAddsUpToTheScore(index: Int) {
        assertAddsUp(TestSupport.audit(Self.articles[index]))
    }

    @Test func scoringIsDeterministic() {
        let first = TestSupport.audit(Self.sample)
        let second = TestSupport.audit(Self.sample)
        #expect(first.score == second.score)
        #expect(first.breakdown == second.breakdown)
    }

    @Test func clampingIsItsOwnBreakdownLine() {
        let text =
            Array(repeating: Self.flaggedSentences.joined(separator: " "), count: 5).joined(separator: "\n")
            + "\nStudies show it is clearly a bloodbath. Do your own research. Act fast, buy now."
        let report = TestSupport.audit(text)
        assertAddsUp(report)
        #expect(report.score == 0)
        #expect(report.breakdown.last?.category == "clamp")
    }

    @Test(arguments: articles.indices)
    func lengthIsNormalised(index: Int) {
        let once = TestSupport.audit(Self.articles[index]).score
        let twice = TestSupport.audit(Self.articles[index] + "\n" + Self.articles[index]).score
        #expect(abs(once - twice) <= 5, "once \(once), twice \(twice)")
    }

    @Test(arguments: articles.indices)
    func addingAFlaggedSentenceNeverRaisesTheScore(index: Int) {
        let base = TestSupport.audit(Self.articles[index]).score
        for sentence in Self.flaggedSentences {
            let report = TestSupport.audit(Self.articles[index] + "\n" + sentence)
            #expect(!report.findings.isEmpty)
            #expect(report.score <= base, "adding '\(sentence)' raised \(base) to \(report.score)")
        }
    }

    @Test(arguments: articles.indices)
    func addingANamedSourceNeverLowersTheScore(index: Int) {
        let base = TestSupport.audit(Self.articles[index]).score
        for sentence in Self.namedSourceSentences {
            let report = TestSupport.audit(Self.articles[index] + "\n" + sentence)
            #expect(report.score >= base, "adding '\(sentence)' lowered \(base) to \(report.score)")
        }
    }

    @Test(arguments: articles.indices)
    func addingATopDisclosureNeverLowersTheScore(index: Int) {
        let base = TestSupport.audit(Self.articles[index]).score
        let report = TestSupport.audit("Sponsored by Acme Bank\n" + Self.articles[index])
        #expect(report.signals.contains { $0.ruleId.hasPrefix("sponsorship.") })
        #expect(report.score >= base)
    }

    @Test(.needsShared("corpus/bbc/tech")) func aRepeatedPhraseCannotZeroAnArticle() throws {
        let article = Self.articles[1]
        let spammed = article + "\n" + Array(repeating: "Experts say so.", count: 300).joined(separator: "\n")
        let report = TestSupport.audit(spammed)
        let unsourced = try #require(report.breakdown.first { $0.category == "unsourced" && !$0.reason.contains("[") })
        let cap = try #require(ScoringModel.penalties[.unsourced]).cap
        #expect(unsourced.points >= -Int(cap))
        #expect(report.score >= TestSupport.audit(article).score - Int(cap))
    }

    @Test func gradesFollowTheDocumentedBoundaries() {
        #expect(ScoringModel.grade(for: 100) == "A")
        #expect(ScoringModel.grade(for: 85) == "A")
        #expect(ScoringModel.grade(for: 84) == "B")
        #expect(ScoringModel.grade(for: 39) == "F")
    }
}
