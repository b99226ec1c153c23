import CandorKit
import Foundation
import Testing

/// Professionally edited news must not be mistaken for sponsored copy.
@Suite struct CorpusTests {
    @Test func bbcTechnologyArticlesScoreWell() throws {
        let folder = TestSupport.shared.appendingPathComponent("corpus/bbc/tech").path
        let collected = InputCollector.collect([folder])
        #expect(collected.problems.isEmpty)
        #expect(collected.inputs.count == 401)
        var scores: [Int] = []
        for input in collected.inputs {
            let document = try InputReader.read(input).get()
            scores.append(TestSupport.auditor.audit(document).score)
        }
        let report = AuditReport(documents: [], errors: 0)
        #expect(report.summary.documents == 0)
        scores.sort()
        let median = Double(scores[scores.count / 2])
        #expect(median >= 70, "median \(median)")
    }
}
