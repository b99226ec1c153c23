import PCRE2Kit

/// Finds proper names (runs of capitalised words) in a sentence, for the document checks that ask
/// who is quoted and what is praised.
enum NameExtractor {
    /// Capitalised words that start sentences or clauses without naming anything.
    private static let functionWords: Set<String> = [
        "The", "This", "That", "These", "Those", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You",
        "In", "On", "At", "For", "But", "And", "Or", "If", "As", "When", "While", "With", "By", "From", "To",
        "Our", "Their", "His", "Her", "Your", "My", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "So", "Yet", "Also",
    ]
    private static let pattern = try! Regex(
        #"\b[A-Z][\p{L}\d&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\p{L}\d&'’-]*)*"#, caseSensitive: true)

    /// The names in `range` of `text`, possessive endings removed, leading function words dropped.
    static func names(in text: [UInt8], range: Range<Int>, matcher: Matcher) -> Set<String> {
        var names = Set<String>()
        text.withUnsafeBufferPointer { buffer in
            try? matcher.forEachMatch(of: pattern, in: buffer, from: range.lowerBound, within: range.upperBound - 1) {
                match in
                let end = min(match.range.upperBound, range.upperBound)
                var words = String(decoding: text[match.range.lowerBound..<end], as: UTF8.self)
                    .split(whereSeparator: { $0.isWhitespace }).map(String.init)
                while let first = words.first, functionWords.contains(first) { words.removeFirst() }
                // A sentence's first word is capitalised whatever it is ("Try Zen Sofa"): keep the name after it too.
                let variants =
                    match.range.lowerBound == range.lowerBound && words.count > 1
                    ? [words, Array(words.dropFirst())] : [words]
                for variant in variants {
                    var name = variant.joined(separator: " ")
                    for suffix in ["'s", "’s"] where name.hasSuffix(suffix) { name.removeLast(2) }
                    if name.count >= 2 { names.insert(name) }
                }
                return true
            }
        }
        return names
    }
}
