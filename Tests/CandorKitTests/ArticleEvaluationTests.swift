import CandorKit
import CandorTestSupport
import Foundation
import Testing

@Suite struct RankingTests {
    @Test func spearmanIsOneForTheSameOrderAndMinusOneForTheReverse() {
        #expect(abs(Ranking.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
        #expect(abs(Ranking.spearman([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-12)
        #expect(Ranking.spearman([5, 5, 5], [1, 2, 3]) == 0)
    }

    @Test func tiedValuesShareTheMeanOfTheirRanks() {
        #expect(Ranking.averageRanks([30, 10, 30, 20]) == [3.5, 1, 3.5, 2])
    }
}

@Suite struct DevHalfTests {
    @Test func theTwoHalvesSplitRowsAlternately() {
        let first = (0..<7).filter(DevHalf.first.holdsRow)
        let second = (0..<7).filter(DevHalf.second.holdsRow)
        #expect(first == [0, 2, 4, 6])
        #expect(second == [1, 3, 5])
    }

    @Test func anAnswerAndItsAdVersionFallInOneHalf() {
        for number in ["000212", "000677"] {
            let withAd = DevHalf.first.holdsResponse(id: "3413-\(number)-A")
            #expect(withAd == DevHalf.first.holdsResponse(id: "3413-\(number)-N"))
            #expect(withAd != DevHalf.second.holdsResponse(id: "3413-\(number)-A"))
        }
    }
}

@Suite struct ArticleEvaluationTests {
    /// One small labelled article in the answers layout, written to a scratch folder.
    static func folder(labels: String) throws -> URL {
        let folder = try Scratch.folder("article-evaluation")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("articles"), withIntermediateDirectories: true)
        let article = """
            By Ana Ruiz

            Experts say the token could surge. "It may rise," said Ana Ruiz of Acme Research. Sign up today.

            """
        try article.write(to: folder.appendingPathComponent("articles/a.txt"), atomically: true, encoding: .utf8)
        let answers = """
            [{"file": "articles/a.txt", "kind": "mixed", "expected_rank_group": 2, "disclosure": "n/a",
              "must_flag": \(labels),
              "must_not_flag": [{"text": "It may rise", "not_category": "hedging", "reason": "quoted"},
                                {"text": "Ana Ruiz of Acme", "not_category": "unsourced", "reason": "named"}]}]
            """
        try answers.write(to: folder.appendingPathComponent("answers.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func labelledSpansAreFoundByOverlapWithTheirCategory() throws {
        let labels = """
            [{"text": "Experts say", "category": "unsourced"},
             {"text": "Experts say", "category": "puffery"},
             {"text": "By Ana Ruiz", "category": "transparency", "signal": "byline"}]
            """
        let result = try ArticleEvaluation.run(
            directory: Self.folder(labels: labels).path, auditor: TestSupport.auditor)
        #expect(result.recall["unsourced"]?.found == 1)
        #expect(result.recall["puffery"]?.found == 0)
        #expect(result.recall["puffery"]?.total == 1)
        #expect(result.recall["signal:byline"]?.total == 1)
        #expect(result.misses.contains { $0.label == "puffery" && $0.text == "Experts say" })
        #expect(result.traps == 2)
        #expect(result.violations.isEmpty, "\(result.violations)")
        #expect(result.articles.count == 1)
    }

    @Test func aLabelMissingFromItsArticleIsAnError() throws {
        let folder = try Self.folder(labels: #"[{"text": "not in the article", "category": "hedging"}]"#)
        #expect(throws: EvaluationError.self) {
            try ArticleEvaluation.run(directory: folder.path, auditor: TestSupport.auditor)
        }
    }
}
