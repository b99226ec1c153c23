/// Splits analysed text into sentences, returned as byte ranges with surrounding white space trimmed.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by white space and
/// a capital, digit or opening quote, unless the word before the full stop is a known abbreviation or
/// an initial. A line break also ends a sentence, except where a hard-wrapped line continues in
/// lower case. Block boundaries from markup arrive here as line breaks.
public enum SentenceSplitter {
    /// Abbreviations that do not end a sentence, compared in lower case without their final full stop.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "inc", "ltd", "co", "corp", "plc", "llc", "vs",
        "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "no", "gen", "sen", "rep", "gov", "lt", "col",
        "capt", "sgt", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "approx", "fig", "vol", "ed", "eds", "al", "cf", "est", "dept", "univ",
    ]

    public static func split(_ text: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            if let trimmed = trim(start..<end, in: text) { sentences.append(trimmed) }
            start = end
        }
        while index < text.count {
            // Most bytes can neither end a sentence nor a line: they are passed over in a tight loop.
            index = text.withUnsafeBufferPointer { Self.nextBreakCandidate(in: $0, from: index) }
            guard index < text.count else { break }
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D {
                if !continuesHardWrap(text, lineBreak: index) { close(at: index) }
                index += 1
                continue
            }
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                let end = endOfClosers(text, after: index + 1)
                if end < text.count, isSpace(text[end]), startsSentence(text, at: skipSpaces(text, from: end)),
                    byte != 0x2E || !isAbbreviation(text, dot: index)
                {
                    close(at: end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        close(at: text.count)
        return sentences
    }

    /// The first line break or terminal punctuation (`.`, `!`, `?`) at or after `index`.
    private static func nextBreakCandidate(in text: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        breakCandidates.withUnsafeBufferPointer { candidates in
            var position = index
            while position < text.count, !candidates[Int(text[position])] { position += 1 }
            return position
        }
    }

    private static let breakCandidates: [Bool] = (0...255).map { [0x0A, 0x0D, 0x2E, 0x21, 0x3F].contains($0) }

    private static func trim(_ range: Range<Int>, in text: [UInt8]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(text[lower]) { lower += 1 }
        while upper > lower, isSpace(text[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func skipSpaces(_ text: [UInt8], from index: Int) -> Int {
        var position = index
        while position < text.count, isSpace(text[position]) { position += 1 }
        return position
    }

    /// Skips closing quotes and brackets after terminal punctuation: `"`, `'`, `)`, `]`, `”`, `’`.
    private static func endOfClosers(_ text: [UInt8], after index: Int) -> Int {
        var position = index
        while position < text.count {
            let byte = text[position]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D {
                position += 1
            } else if byte == 0xE2, position + 2 < text.count, text[position + 1] == 0x80,
                text[position + 2] == 0x9D || text[position + 2] == 0x99
            {
                position += 3
            } else {
                break
            }
        }
        return position
    }

    /// A new sentence starts with a capital, a digit, an opening quote or bracket, or non-ASCII text.
    private static func startsSentence(_ text: [UInt8], at index: Int) -> Bool {
        guard index < text.count else { return false }
        let byte = text[index]
        return (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x22 || byte == 0x27
            || byte == 0x28 || byte == 0x5B || byte >= 0xC0
    }

    private static func isAbbreviation(_ text: [UInt8], dot: Int) -> Bool {
        var wordStart = dot
        while wordStart > 0, !isSpace(text[wordStart - 1]), text[wordStart - 1] != 0x28 { wordStart -= 1 }
        // Most words before a full stop are plain ASCII longer than any abbreviation: no string then.
        let isASCII = !text[wordStart..<dot].contains { $0 >= 0x80 }
        if isASCII, dot - wordStart > longestAbbreviation { return false }
        if isASCII, dot - wordStart == 1 { return (0x41...0x5A).contains(text[wordStart]) }
        // A short ASCII word is looked up by its lower-case bytes packed in one number: built as a
        // string, lowered and hashed, it cost 700 instructions a full stop.
        if isASCII { return isListedAbbreviation(asciiWord: text[wordStart..<dot]) }
        let word = String(decoding: text[wordStart..<dot], as: UTF8.self)
        if word.count == 1, let first = word.unicodeScalars.first, first.properties.isUppercase { return true }
        return abbreviations.contains(word.lowercased())
    }

    private static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0

    /// Whether an ASCII word no longer than the longest abbreviation is one, in any case: what
    /// `abbreviations.contains(word.lowercased())` says.
    static func isListedAbbreviation(asciiWord word: ArraySlice<UInt8>) -> Bool {
        packedAbbreviations.contains(packed(word))
    }

    /// The abbreviations packed as `packed` packs a word.
    private static let packedAbbreviations = Set(abbreviations.map { packed(Array($0.utf8)[...]) })

    /// The length and up to seven ASCII bytes, lower-cased, in one number: words pack alike only
    /// when they are the same word.
    private static func packed(_ word: ArraySlice<UInt8>) -> UInt64 {
        word.reduce(0) { ($0 << 8) | UInt64((0x41...0x5A).contains($1) ? $1 | 0x20 : $1) } | UInt64(word.count) << 56
    }

    /// A line break inside a paragraph that was wrapped by hand: the line does not end a sentence and
    /// the next line carries on in lower case.
    private static func continuesHardWrap(_ text: [UInt8], lineBreak: Int) -> Bool {
        var before = lineBreak
        while before > 0, text[before - 1] == 0x20 || text[before - 1] == 0x09 { before -= 1 }
        guard before > 0 else { return false }
        let last = text[before - 1]
        if last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A || last == 0x0A || last == 0x0D {
            return false
        }
        var after = lineBreak + 1
        if text[lineBreak] == 0x0D, after < text.count, text[after] == 0x0A { after += 1 }
        while after < text.count, text[after] == 0x20 || text[after] == 0x09 { after += 1 }
        guard after < text.count else { return false }
        return (0x61...0x7A).contains(text[after])
    }
}
