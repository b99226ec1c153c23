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
            var start = 0
            while start < text.count {
                // One paragraph, to the next line break; only one with a quotation mark is looked into.
                var end = start
                var marked = false
                while end < text.count, text[end] != 0x0A, text[end] != 0x0D {
                    marked = marked || text[end] == 0x22 || text[end] == 0xE2
                    end += 1
                }
                let paragraph = start..<end
                start = end + 1
                guard marked else { continue }
                let quotes = quotations(in: text, paragraph: paragraph)
                guard !quotes.isEmpty else { continue }
                outside.removeAll(keepingCapacity: true)
                var cursor = paragraph.lowerBound
                for quote in quotes {
                    outside += text[cursor..<quote.lowerBound]
                    outside.append(0x20)
                    cursor = quote.upperBound
                }
                outside += text[cursor..<paragraph.upperBound]
                let verbs = matcher ?? Matcher.forCurrentThread()
                matcher = verbs
                if hasReportingVerb(outside, matcher: verbs) { result += quotes }
            }
        }
        return result
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

    private static let reportingVerb = try! Regex(PhraseTrie(phrases: reportingVerbs).pattern)

    private static func hasReportingVerb(_ text: [UInt8], matcher: Matcher) -> Bool {
        text.withUnsafeBufferPointer { buffer in
            (try? matcher.firstMatch(of: reportingVerb, in: buffer, from: 0)) != nil
        }
    }
}
