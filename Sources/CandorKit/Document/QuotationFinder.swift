import PCRE2Kit

/// Finds direct quotations that the text attributes to a speaker.
///
/// A quotation runs between curly quotes (“…”) or straight double quotes, and never past the end of
/// its paragraph (a line break), so an unbalanced mark cannot swallow the article. It counts as
/// attributed when its paragraph also holds a reporting verb outside the quotation ("said", "told",
/// "according to", ...): the words are then the speaker's, properly sourced, not the writer's.
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
                if hasReportingVerb(outside, matcher: verbs) { result += quotes }
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
        return (end, marked)
    }

    private static let lineBreak: UInt8 = 1
    private static let quotationMark: UInt8 = 2
    private static let byteKinds: [UInt8] = (0...255).map { byte in
        byte == 0x0A || byte == 0x0D ? lineBreak : byte == 0x22 || byte == 0xE2 ? quotationMark : 0
    }

    /// Quotation ranges (including the marks) within one paragraph.
    private static func quotations(in text: UnsafeBufferPointer<UInt8>, paragraph: Range<Int>) -> [Range<Int>] {
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
