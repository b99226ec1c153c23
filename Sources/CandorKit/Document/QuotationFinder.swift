import PCRE2Kit

/// Finds direct quotations that the text attributes to a speaker.
///
/// A quotation runs between curly quotes (“…”) or straight double quotes, or between single quotes
/// (‘…’ or '…') that open before a word and close after one (so that apostrophes inside words, as in
/// "don't" or "Voss' attorney", open nothing), and never past the end of its paragraph (a line
/// break), so an unbalanced mark cannot swallow the article. It counts as attributed when its
/// paragraph also holds a reporting verb outside the quotations ("said", "told", "according to",
/// ...), or when it is cited as an example ("phrases such as '…'", "the words “…”"): the words are
/// then the speaker's or the example's, not the writer's claim.
enum QuotationFinder {
    private static let reportingVerbs: [String] = [
        "said", "says", "say", "told", "tells", "added", "adds", "explained", "explains", "according to",
        "argued", "argues", "warned", "warns", "insisted", "insists", "believes", "wrote", "writes", "noted",
        "notes", "stated", "states", "asked", "claimed", "claims", "commented", "continued", "replied",
        "remarked", "predicted", "admitted", "suggested", "suggests", "acknowledged", "conceded",
    ]

    static func attributedQuotations(in text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var matcher: Matcher?
        // The text outside a paragraph's quotations, each gap joined by a space, in one buffer reused
        // from paragraph to paragraph.
        var outside: [UInt8] = []
        text.withUnsafeBufferPointer { text in
            let hasCarriageReturn = text.firstIndex(of: 0x0D, in: text.indices) != nil
            var start = 0
            while start < text.count {
                // One paragraph, to the next line break; only one with a quotation mark is looked into.
                let (end, marked) =
                    hasCarriageReturn
                    ? Self.paragraph(in: text, from: start) : Self.lineFeedParagraph(in: text, from: start)
                let paragraph = start..<end
                start = end + 1
                guard marked else { continue }
                let quotes = quotations(in: text, paragraph: paragraph)
                guard !quotes.isEmpty else { continue }
                outside.removeAll(keepingCapacity: true)
                var cursor = paragraph.lowerBound
                for quote in quotes {
                    outside.append(contentsOf: UnsafeBufferPointer(rebasing: text[cursor..<quote.lowerBound]))
                    outside.append(0x20)
                    cursor = quote.upperBound
                }
                outside.append(contentsOf: UnsafeBufferPointer(rebasing: text[cursor..<paragraph.upperBound]))
                let verbs = matcher ?? Matcher.forCurrentThread()
                matcher = verbs
                if hasReportingVerb(outside, matcher: verbs) {
                    result += quotes
                } else {
                    result += quotes.filter { isCitedExample($0, in: text, paragraph: paragraph) }
                }
            }
        }
        return result
    }

    /// Where the paragraph that starts at `start` ends, and whether it holds a byte that may begin a
    /// quotation mark (`"`, or the lead byte of a curly one). By table, with the flags joined by bits:
    /// it is read for every byte of every document.
    private static func paragraph(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, marked: Bool) {
        byteKinds.withUnsafeBufferPointer { kinds in
            var end = start
            var seen: UInt8 = 0
            while end < text.count {
                let kind = kinds[Int(text[end])]
                if kind & lineBreak != 0 { break }
                seen |= kind
                end += 1
            }
            return (end, seen & quotationMark != 0)
        }
    }

    /// The same for text without carriage returns, nearly every file, by `memchr`, which reads many
    /// bytes at a time: the line feed that ends the paragraph, then either kind of mark within it.
    private static func lineFeedParagraph(
        in text: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (end: Int, marked: Bool) {
        let end = text.firstIndex(of: 0x0A, in: start..<text.count) ?? text.count
        let marked =
            text.firstIndex(of: 0x22, in: start..<end) != nil || text.firstIndex(of: 0xE2, in: start..<end) != nil
            || text.firstIndex(of: 0x27, in: start..<end) != nil
        return (end, marked)
    }

    private static let lineBreak: UInt8 = 1
    private static let quotationMark: UInt8 = 2
    private static let byteKinds: [UInt8] = (0...255).map { byte in
        byte == 0x0A || byte == 0x0D ? lineBreak : byte == 0x22 || byte == 0xE2 || byte == 0x27 ? quotationMark : 0
    }

    /// Double and single quotations within one paragraph, in order; a single quotation inside a
    /// double one is part of it.
    private static func quotations(in text: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>) -> [Range<Int>] {
        let double = doubleQuotations(in: text, paragraph: paragraph)
        let single = singleQuotations(in: text, paragraph: paragraph).filter { quote in
            !double.contains { $0.lowerBound <= quote.lowerBound && quote.upperBound <= $0.upperBound }
        }
        guard !single.isEmpty else { return double }
        // Overlapping ones (a single quotation that runs past a double one's edge) keep the first.
        var merged: [Range<Int>] = []
        for quote in (double + single).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, last.overlaps(quote) { continue }
            merged.append(quote)
        }
        return merged
    }

    /// Single quotations: a mark that opens before a word (not after one) and one that closes after a
    /// word (not before one). An opening left unclosed at the end of the paragraph is dropped, since
    /// it is likelier an apostrophe ("the '90s") than a quotation.
    private static func singleQuotations(in text: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var open: Int?
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            let byte = text[index]
            var width = 1
            var opens = false
            var closes = false
            if byte == 0x27 {
                (opens, closes) = (true, true)
            } else if byte == 0xE2, index + 2 < paragraph.upperBound, text[index + 1] == 0x80,
                text[index + 2] == 0x98 || text[index + 2] == 0x99
            {
                width = 3
                (opens, closes) = text[index + 2] == 0x98 ? (true, false) : (false, true)
            }
            if opens || closes {
                let before = index > paragraph.lowerBound ? text[index - 1] : 0x20
                let after = index + width < paragraph.upperBound ? text[index + width] : 0x20
                if let start = open, closes, !isWordByte(after), before != 0x20 {
                    ranges.append(start..<(index + width))
                    open = nil
                } else if open == nil, opens, !isWordByte(before), isWordByte(after) {
                    open = index
                }
            }
            index += width
        }
        return ranges
    }

    /// Letters and digits, and every byte of a character beyond ASCII (accented letters).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Words that present a quotation as an example of wording rather than as a claim.
    private static let citingCues: [String] = [
        "such as", "like", "the word", "the words", "the phrase", "the phrases", "phrases", "terms", "the term",
        "called", "dubbed", "labelled", "labeled", "so-called", "slogans", "slogan", "buzzwords", "wording",
    ]

    /// Whether a quotation follows one of `citingCues` (and at most a colon or a comma) directly.
    static func isCitedExample(_ quote: Range<Int>, in text: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>) -> Bool
    {
        var end = quote.lowerBound
        while end > paragraph.lowerBound, [0x20, 0x3A, 0x2C].contains(text[end - 1]) { end -= 1 }
        let start = max(paragraph.lowerBound, end - 24)
        let before = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self).lowercased()
        return citingCues.contains { cue in
            before.hasSuffix(cue) && (before.count == cue.count || before.dropLast(cue.count).last?.isLetter == false)
        }
    }

    /// Double quotation ranges (including the marks) within one paragraph.
    private static func doubleQuotations(in text: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var open: Int?
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            let byte = text[index]
            let isCurlyOpen =
                byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == 0x9C
            let isCurlyClose =
                byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80 && text[index + 2] == 0x9D
            if byte == 0x22 {
                if let start = open {
                    ranges.append(start..<(index + 1))
                    open = nil
                } else {
                    open = index
                }
            } else if isCurlyOpen {
                open = open ?? index
            } else if isCurlyClose, let start = open {
                ranges.append(start..<(index + 3))
                open = nil
            }
            index += isCurlyOpen || isCurlyClose ? 3 : 1
        }
        if let start = open { ranges.append(start..<paragraph.upperBound) }
        return ranges
    }

    static let reportingVerb = try! Regex(PhraseTrie(phrases: reportingVerbs).pattern)
    /// The same phrases walked natively, as the shared pass walks its trie: the pattern, tried at
    /// every word, was most of the cost of reading an article's quotations.
    private static let reportingVerbWalker = PhraseWalker(members: [
        PhraseIndex.Member(rule: 0, words: reportingVerbs, startsOnly: false)
    ])

    static func hasReportingVerb(_ text: [UInt8], matcher: Matcher) -> Bool {
        text.withUnsafeBufferPointer { buffer in
            guard let walker = reportingVerbWalker else {
                return (try? matcher.firstMatch(of: reportingVerb, in: buffer, from: 0)) != nil
            }
            var seen = AnyCallout()
            do throws(MatchError) {
                try walker.forEachCallout(in: buffer, matcher: matcher, into: &seen)
            } catch {
                return false
            }
            return seen.any
        }
    }

    /// Notes whether the walker reported anything at all, and stops it at the first.
    private struct AnyCallout: CalloutReceiver {
        var any = false
        mutating func receive(_ member: Int, _ range: Range<Int>) { any = true }
        var hasEnough: Bool { any }
    }
}
