import CandorKit
import CandorTestSupport
import Foundation
import Testing

/// Professionally edited news must not be mistaken for sponsored copy.
@Suite(.needsShared("corpus/bbc")) struct CorpusTests {
    static let categories = ["business", "entertainment", "politics", "sport", "tech"]

    private func scores(_ category: String) throws -> [Int] {
        let folder = TestSupport.shared.appendingPathComponent("corpus/bbc/\(category)").path
        let collected = InputCollector.collect([folder])
        #expect(collected.problems.isEmpty)
        return try collected.inputs.map { TestSupport.auditor.audit(try InputReader.read($0).get()).score }.sorted()
    }

    @Test func allBBCTechnologyArticlesAreAudited() throws {
        #expect(try scores("tech").count == 401)
    }

    @Test(arguments: categories)
    func bbcArticlesScoreWellInEveryCategory(category: String) throws {
        let sorted = try scores(category)
        let median =
            sorted.count % 2 == 1
            ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        #expect(median >= 75, "\(category) median \(median)")
    }
}
