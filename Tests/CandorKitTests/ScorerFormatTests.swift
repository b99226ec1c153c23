import Foundation
import Testing

@testable import CandorKit

@Suite struct ScorerFormatTests {
    /// Breakdown figures are written as printf's `%.2f` writes them, halves and all.
    @Test func densitiesAreWrittenAsPrintfWritesThem() {
        var values: [Double] = [
            0, -0.0, 0.005, 0.015, 0.125, 0.375, 0.995, 1.005, 2.675, 99.995, 1e6 / 3, 123_456.785, -0.125, 1e300,
            .leastNonzeroMagnitude, .leastNormalMagnitude, 0x1p46, 0x1p46 - 0.5, 0x1p46 + 1, 0.5, 0.045, .infinity,
            .nan,
        ]
        var generator = SeededGenerator(seed: 5)
        values += (0..<2000).map { _ in Double.random(in: 0...50, using: &generator) }
        values += (0..<2000).map { _ in Double(Int.random(in: 0...100_000, using: &generator)) / 1000 }
        // Exact halves of a hundredth, where the rounding of ties shows.
        values += (0..<2000).map { Double($0) / 8 }
        values += (0..<500).map { _ in Double.random(in: 0...0x1p46, using: &generator) }
        for value in values { #expect(Scorer.format(value) == String(format: "%.2f", value), "\(value)") }
    }
}
