/// Ranges sorted by start with the furthest end reached so far, so that "is this range inside one of
/// them" and "does it overlap one of them" take a binary search instead of a pass over every range:
/// a large document holds thousands of quotations and addresses and its findings check each.
struct RangeIndex: Sendable {
    private let starts: [Int]
    /// `reach[i]`: the largest upper bound among the first `i + 1` ranges by start.
    private let reach: [Int]

    init(_ ranges: [Range<Int>]) {
        // Empty ranges contain and overlap nothing.
        let sorted = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        starts = sorted.map(\.lowerBound)
        var furthest = Int.min
        reach = sorted.map { range in
            furthest = max(furthest, range.upperBound)
            return furthest
        }
    }

    /// How many ranges start at or before `offset` (`inclusive`), or strictly before it.
    private func count(startingBefore offset: Int, inclusive: Bool) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < offset || (inclusive && starts[mid] == offset) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether one range holds all of `range`.
    func contains(_ range: Range<Int>) -> Bool {
        let candidates = count(startingBefore: range.lowerBound, inclusive: true)
        return candidates > 0 && reach[candidates - 1] >= range.upperBound
    }

    /// Whether `range` shares an element with one of the ranges.
    func overlaps(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let candidates = count(startingBefore: range.upperBound, inclusive: false)
        return candidates > 0 && reach[candidates - 1] > range.lowerBound
    }
}
