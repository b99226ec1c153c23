import Testing

@testable import CandorKit

@Suite struct RangeIndexTests {
    /// The index answers exactly as a pass over every range would, on random nested and overlapping ranges.
    @Test func agreesWithAPassOverEveryRange() {
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<200 {
            let ranges = (0..<Int.random(in: 0...12, using: &generator)).map { _ -> Range<Int> in
                let start = Int.random(in: 0...60, using: &generator)
                return start..<(start + Int.random(in: 0...20, using: &generator))
            }
            let index = RangeIndex(ranges)
            for start in 0...70 {
                for length in 0...8 {
                    let probe = start..<(start + length)
                    let inside = ranges.contains {
                        !$0.isEmpty && $0.lowerBound <= probe.lowerBound && probe.upperBound <= $0.upperBound
                    }
                    #expect(index.contains(probe) == inside, "\(ranges) contains \(probe)")
                    #expect(index.overlaps(probe) == ranges.contains { $0.overlaps(probe) }, "\(ranges) \(probe)")
                }
            }
        }
    }
}
