import CandorKit
import CandorTestSupport
import Foundation
import Testing

@Suite struct MetricsTests {
    @Test func confusionCountsGiveTheUsualScores() {
        var metrics = BinaryMetrics()
        for (predicted, actual) in [(true, true), (true, true), (true, false), (false, true), (false, false)] {
            metrics.record(predicted: predicted, actual: actual)
        }
        #expect(metrics.precision == 2.0 / 3.0)
        #expect(metrics.recall == 2.0 / 3.0)
        #expect(abs(metrics.f1 - 2.0 / 3.0) < 1e-12)
        #expect(metrics.accuracy == 0.6)
    }

    @Test func aucRanksPositivesAboveNegativesAndCountsTiesAsHalf() {
        #expect(ROC.auc(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
        #expect(ROC.auc(scores: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true]) == 0)
        #expect(ROC.auc(scores: [0.5, 0.5], labels: [true, false]) == 0.5)
    }
}

/// Regression guards on the labelled development data in ../shared/eval: a rule change that makes
/// these worse fails here, with the figure in the message.
@Suite struct EvaluationGuardTests {
    static let eval = TestSupport.shared.appendingPathComponent("eval")

    @Test(.needsShared("eval/conll2010-wiki")) func hedgeAndWeaselDetectionOnCoNLLWikipedia() throws {
        let rows = try SentenceEvaluation.readRows(
            path: Self.eval.appendingPathComponent("conll2010-wiki/dev.tsv").path)
        #expect(rows.count == 1483)
        let metrics = SentenceEvaluation.run(rows, auditor: TestSupport.auditor).metrics
        #expect(metrics.precision >= 0.80, "precision \(metrics.precision)")
        #expect(metrics.f1 >= 0.80, "F1 \(metrics.f1)")
    }

    @Test(.needsShared("eval/native-ads")) func promotionalEvidenceSeparatesNativeAds() throws {
        let folder = Self.eval.appendingPathComponent("native-ads")
        let result = try AdEvaluation.run(
            responses: folder.appendingPathComponent("responses-validation.jsonl").path,
            labels: folder.appendingPathComponent("responses-validation-labels.jsonl").path,
            auditor: TestSupport.auditor)
        #expect(result.responses == 3257)
        #expect(result.auc >= 0.80, "AUC \(result.auc)")
    }

    @Test(.needsShared("eval/ptc")) func propagandaSpansAreReadInCharacters() throws {
        let result = try SpanEvaluation.run(
            articles: Self.eval.appendingPathComponent("ptc/articles").path,
            labels: Self.eval.appendingPathComponent("ptc/labels").path, auditor: TestSupport.auditor)
        #expect(result.articles == 283)
        #expect(result.labelledSpans > 4000)
        #expect(result.baseRate > 0 && result.baseRate < 1)
    }

    @Test func malformedSentenceFileNamesTheLine() throws {
        let file = try Scratch.folder("evaluation").appendingPathComponent("bad.tsv")
        try "label\tsentence\ncertain\tFine.\nmaybe\tBroken.\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError.self) { try SentenceEvaluation.readRows(path: file.path) }
        do {
            _ = try SentenceEvaluation.readRows(path: file.path)
        } catch let error as EvaluationError {
            #expect(error.line == 3)
        }
    }
}
