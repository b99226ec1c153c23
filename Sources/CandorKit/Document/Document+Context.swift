extension Document {
    /// How many bytes of sentence to show on either side of a finding in reports.
    static let contextReach = 60

    /// The text of the finding's sentence before and after `range`, cut at whole characters.
    func context(around range: Range<Int>) -> (before: String, after: String) {
        guard let index = sentenceIndex(containing: range.lowerBound) else { return ("", "") }
        let sentence = sentences[index]
        var lower = max(sentence.lowerBound, range.lowerBound - Self.contextReach)
        while lower < range.lowerBound, text[lower] & 0xC0 == 0x80 { lower += 1 }
        var upper = min(sentence.upperBound, range.upperBound + Self.contextReach)
        while upper > range.upperBound, upper < text.count, text[upper] & 0xC0 == 0x80 { upper -= 1 }
        let before = string(lower..<range.lowerBound, ellipsisBefore: lower > sentence.lowerBound)
        let after = string(range.upperBound..<max(range.upperBound, upper), ellipsisAfter: upper < sentence.upperBound)
        return (before, after)
    }

    /// The text of `range`, with an ellipsis before or after it where the sentence is cut, built in
    /// one piece: joined as strings, each side of every finding's context took three allocations.
    private func string(_ range: Range<Int>, ellipsisBefore: Bool = false, ellipsisAfter: Bool = false) -> String {
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        let length = range.count + (ellipsisBefore ? ellipsis.count : 0) + (ellipsisAfter ? ellipsis.count : 0)
        // Built the way `String(decoding:as:)` builds a string: any invalid byte is repaired alike.
        return String(unsafeUninitializedCapacity: length) { buffer in
            var place = 0
            func append(_ bytes: some Collection<UInt8>) {
                place = buffer[place...].initialize(fromContentsOf: bytes)
            }
            if ellipsisBefore { append(ellipsis) }
            append(text[range])
            if ellipsisAfter { append(ellipsis) }
            return place
        }
    }
}
