import Testing

@testable import CandorKit

@Suite struct OverlapTests {
    /// The obvious greedy reading of the overlap rule, to compare the engine's against: longest first
    /// (then reading order), a match is kept unless it overlaps one kept of its group (every negative
    /// category is one group; each other category and signal kind its own).
    private func reference(_ matches: [SpanMatch], _ rules: [Rule]) -> [Range<Int>] {
        func readingKey(_ match: SpanMatch) -> (Int, Int, String) {
            (match.bytes.lowerBound, match.bytes.upperBound, rules[match.rule].id)
        }
        let longestFirst = matches.sorted { lhs, rhs in
            lhs.range.count != rhs.range.count ? lhs.range.count > rhs.range.count : readingKey(lhs) < readingKey(rhs)
        }
        var kept: [SpanMatch] = []
        for match in longestFirst
        where !kept.contains(where: {
            Auditor.overlapGroup(rules[$0.rule]) == Auditor.overlapGroup(rules[match.rule])
                && $0.range.overlaps(match.range)
        }) {
            kept.append(match)
        }
        return kept.sorted { readingKey($0) < readingKey($1) }.map(\.range)
    }

    /// Few matches (checked directly) and many (filed by place) keep exactly what the rule says.
    @Test func overlappingMatchesKeepTheLongestOfEachCategory() {
        let rules = TestSupport.core.ruleset.rules
        let document = Document(path: "overlaps.txt", bytes: Array(String(repeating: "word ", count: 2_000).utf8))
        var generator = SeededGenerator(seed: 11)
        for count in [1, 2, 5, 20, Auditor.overlapDirectCheckLimit, Auditor.overlapDirectCheckLimit + 1, 300] {
            for _ in 0..<20 {
                let matches = (0..<count).map { _ in
                    let start = Int.random(in: 0..<9_000, using: &generator)
                    let length = Int.random(in: 1...1_500, using: &generator)
                    return SpanMatch(
                        rule: Int.random(in: rules.indices, using: &generator),
                        range: start..<min(10_000, start + length),
                        in: document)
                }
                let kept = Auditor.removingOverlaps(matches, rules: rules).map(\.range)
                #expect(kept == reference(matches, rules), "\(count) matches")
            }
        }
    }
}
