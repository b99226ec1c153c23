import Foundation
import Testing

@testable import CandorKit

@Suite struct ScorerFormatTests {
    /// Breakdown figures are written as printf's `%.2f` writes them, halves and all.
    @Test func densitiesAreWrittenAsPrintfWritesThem() {
        var values: [Double] = [0, 0.005, 0.125, 0.375, 1.005, 2.675, 1e6 / 3, 123_456.785, -0.125, 1e300]
        var generator = SeededGenerator(seed: 5)
        values += (0..<2000).map { _ in Double.random(in: 0...50, using: &generator) }
        values += (0..<2000).map { _ in Double(Int.random(in: 0...100_000, using: &generator)) / 1000 }
        for value in values { #expect(Scorer.format(value) == String(format: "%.2f", value), "\(value)") }
    }
}
