/// Maps byte offsets in the analysed text back to byte offsets in the file as read from disk.
///
/// The analysed text differs from the file wherever bytes were replaced (invalid UTF-8 becomes
/// U+FFFD), dropped (a byte-order mark) or, for markup, masked or extracted. Each `Segment` says
/// that a run of analysed bytes stands for a run of source bytes; runs of equal length map byte for
/// byte, unequal runs map as a whole.
public struct OffsetMap: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public let textStart: Int
        public let sourceStart: Int
        public let textLength: Int
        public let sourceLength: Int
    }

    public private(set) var segments: [Segment] = []

    public init() {}

    /// A map in which text and source are the same bytes.
    public static func identity(length: Int) -> OffsetMap {
        var map = OffsetMap()
        map.append(textLength: length, sourceStart: 0, sourceLength: length)
        return map
    }

    /// Appends the next run of analysed text, standing for `sourceLength` bytes at `sourceStart`.
    public mutating func append(textLength: Int, sourceStart: Int, sourceLength: Int) {
        let textStart = segments.last.map { $0.textStart + $0.textLength } ?? 0
        if let last = segments.last, last.textLength == last.sourceLength, textLength == sourceLength,
            last.sourceStart + last.sourceLength == sourceStart
        {
            // Merge byte-for-byte runs so a clean file stays one segment.
            segments[segments.count - 1] = Segment(
                textStart: last.textStart, sourceStart: last.sourceStart,
                textLength: last.textLength + textLength, sourceLength: last.sourceLength + textLength)
            return
        }
        segments.append(
            Segment(textStart: textStart, sourceStart: sourceStart, textLength: textLength, sourceLength: sourceLength))
    }

    /// The source range covered by the analysed range `range`.
    public func sourceRange(for range: Range<Int>) -> Range<Int> {
        let lower = sourceOffset(for: range.lowerBound, roundingUp: false)
        let upper = range.isEmpty ? lower : sourceOffset(for: range.upperBound, roundingUp: true)
        return lower..<max(lower, upper)
    }

    /// The source offset of an analysed offset; inside a replaced run, its start or (rounding up) its end.
    public func sourceOffset(for textOffset: Int, roundingUp: Bool) -> Int {
        guard let index = segmentIndex(containing: textOffset, preferEarlier: roundingUp) else { return 0 }
        let segment = segments[index]
        let delta = textOffset - segment.textStart
        if segment.textLength == segment.sourceLength { return segment.sourceStart + delta }
        if delta == 0 { return segment.sourceStart }
        if delta >= segment.textLength { return segment.sourceStart + segment.sourceLength }
        return roundingUp ? segment.sourceStart + segment.sourceLength : segment.sourceStart
    }

    /// The analysed offset standing for a source offset (the start of the segment that covers it).
    public func textOffset(forSource offset: Int) -> Int {
        for segment in segments where offset < segment.sourceStart + max(segment.sourceLength, 1) {
            if segment.textLength == segment.sourceLength {
                return segment.textStart + max(0, offset - segment.sourceStart)
            }
            return segment.textStart
        }
        return segments.last.map { $0.textStart + $0.textLength } ?? 0
    }

    /// Binary search for the segment holding `offset`; at a boundary, the earlier one when asked.
    private func segmentIndex(containing offset: Int, preferEarlier: Bool) -> Int? {
        guard !segments.isEmpty else { return nil }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            let start = segments[mid].textStart
            if start < offset || (start == offset && !preferEarlier) { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
