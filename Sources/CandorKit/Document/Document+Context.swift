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
        let before = (lower > sentence.lowerBound ? "…" : "") + string(lower..<range.lowerBound)
        let after = string(range.upperBound..<max(range.upperBound, upper)) + (upper < sentence.upperBound ? "…" : "")
        return (before, after)
    }
}
