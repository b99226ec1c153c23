import CandorKit
import CandorTestSupport
import Foundation
import XCTest

/// A batch is read and matched a group at a time; its outcomes must be each input's own, in input order.
final class BatchAuditorTests: XCTestCase {
    func testGroupsGiveEachInputItsOwnOutcomeInOrder() throws {
        try XCTSkipUnless(SharedData.has("corpus/bbc/politics"), SharedData.missing("corpus/bbc/politics"))
        let folder = try Scratch.folder("batch")
        let articles = try FileManager.default.contentsOfDirectory(
            atPath: TestSupport.shared.appendingPathComponent("corpus/bbc/politics").path
        ).sorted().prefix(60).map { TestSupport.shared.appendingPathComponent("corpus/bbc/politics/\($0)").path }
        // Larger than a group's share of text, so a group is matched before it is full.
        let large = folder.appendingPathComponent("large.txt")
        let joined = try articles.map { try String(contentsOfFile: $0, encoding: .utf8) }
        try String(repeating: joined.joined(separator: "\n\n"), count: 3).write(
            to: large, atomically: true, encoding: .utf8)
        XCTAssertGreaterThan(try Data(contentsOf: large).count, 300_000)
        var inputs = articles.map { InputCollector.Input.file($0) }
        inputs.insert(.file(large.path), at: 7)
        inputs.insert(.file(large.path), at: 9)
        for place in [0, 3, 20, 41, 63] {
            inputs.insert(.file(folder.appendingPathComponent("missing-\(place).txt").path), at: place)
        }

        let expected = inputs.map { input in Self.describe(BatchAuditor(auditor: TestSupport.auditor).audit([input])[0])
        }
        for onAllCores in [false, true] {
            let outcomes = BatchAuditor(auditor: TestSupport.auditor).audit(inputs, onAllCores: onAllCores)
            XCTAssertEqual(outcomes.map(Self.describe), expected, "on all cores: \(onAllCores)")
        }
        XCTAssertEqual(expected.filter { $0.hasPrefix("problem") }.count, 5)
    }

    /// An outcome as text: a report in full, as JSON, or the problem.
    private static func describe(_ outcome: BatchAuditor.Outcome) -> String {
        switch outcome {
        case .report(let report):
            var bytes: [UInt8] = []
            try? JSONReporter().write(AuditReport(documents: [report], errors: 0)) { bytes += $0 }
            return "report " + String(decoding: bytes, as: UTF8.self)
        case .skipped: return "skipped"
        case .problem(let problem): return "problem " + problem
        }
    }
}
