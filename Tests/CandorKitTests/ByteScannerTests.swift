import PCRE2Kit
import Testing

@testable import CandorKit

/// The document's byte scanners skip most bytes (by `memchr`, by table, eight at a time); these
/// tests hold them to a plain byte-by-byte reading of the same rules.
@Suite struct ByteScannerTests {
    /// Addresses as a byte-by-byte scan finds them: an h or w after a byte that cannot be in an
    /// address, starting "https://", "http://" or "www." in any case.
    static func referenceAddresses(_ bytes: [UInt8]) -> [Range<Int>] {
        func isAddressByte(_ byte: UInt8) -> Bool {
            !(byte <= 0x20 || byte == 0x22 || byte == 0x27 || byte == 0x3C || byte == 0x3E || byte >= 0x80)
        }
        let prefixes = ["https://", "http://", "www."].map { Array($0.utf8) }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let starts =
                (index == 0 || !isAddressByte(bytes[index - 1]))
                && prefixes.contains { prefix in
                    index + prefix.count <= bytes.count
                        && zip(bytes[index...], prefix).allSatisfy { $0 | 0x20 == $1 | 0x20 }
                }
            guard starts else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isAddressByte(bytes[end]) { end += 1 }
            while end > index, Array(".,;:!?)".utf8).contains(bytes[end - 1]) { end -= 1 }
            ranges.append(index..<end)
            index = max(end, index + 1)
        }
        return ranges
    }

    @Test func addressesAreFoundWhereAByteByByteScanFindsThem() {
        let fixed = [
            "see https://example.com/a. and www.example.org, or HTTP://X.Y",
            "xhttp://no www.yes (http://in.brackets) \"www.quoted.com\"",
            "https://a.b/http://c.d www.www.e http:/not https:// wwww.f",
            "http://", "www.", ":// ...www :www.x", "WwW.Caps.Com!",
        ]
        for text in fixed {
            #expect(URLFinder.ranges(in: Array(text.utf8)) == Self.referenceAddresses(Array(text.utf8)), "\(text)")
        }
        // Random text over the bytes that matter: prefixes' letters, separators, quotes, a byte beyond ASCII.
        let alphabet = Array("hHtTpPsSwW.:/ x\"<)é".utf8)
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            #expect(URLFinder.ranges(in: bytes) == Self.referenceAddresses(bytes), "\(bytes)")
        }
    }

    @Test func invalidUTF8IsFoundAtEveryOffsetFromTheEightByteSteps() {
        for offset in 0..<20 {
            var bytes = [UInt8](repeating: 0x61, count: 24)
            bytes[offset] = 0xFF
            let document = Document(path: "bad.txt", bytes: bytes)
            #expect(document.diagnostics.contains { $0.message.contains("invalid UTF-8") }, "offset \(offset)")
            #expect(document.text.count == 26, "one replacement character for the byte at \(offset)")
        }
        #expect(Document(path: "ok.txt", bytes: Array("plain ascii text, then café".utf8)).diagnostics.isEmpty)
    }

    @Test func abbreviationsAreKnownWhateverTheirLengthOrCase() {
        let text = "Capt. Hook met Gen. Lee and Sept. Jones. Approx. Nine left. Longwords. Then X. Y. Zed spoke."
        let sentences = DocumentTests.sentences(of: text)
        #expect(
            sentences == [
                "Capt. Hook met Gen. Lee and Sept. Jones.", "Approx. Nine left.", "Longwords.",
                "Then X. Y. Zed spoke.",
            ])
        // Initials beyond ASCII keep the sentence going too; a lower-case letter does not.
        #expect(DocumentTests.sentences(of: "By É. Zola. Then a. Next") == ["By É. Zola.", "Then a.", "Next"])
    }

    @Test func attributedQuotationsAreTheSameWhateverEndsTheLines() {
        let paragraphs = [
            "“Prices will rise,” she said, “and soon.”", "\"Markets may fall.\" Nobody knows.",
            "He said nothing.", "Analysts told us: \"It is early\"",
        ]
        for ending in ["\n", "\r\n", "\r", "\n\n"] {
            let bytes = Array(paragraphs.joined(separator: ending).utf8)
            let quoted = QuotationFinder.attributedQuotations(in: bytes).map {
                String(decoding: bytes[$0], as: UTF8.self)
            }
            #expect(quoted == ["“Prices will rise,”", "“and soon.”", "\"It is early\""], "\(Array(ending.utf8))")
        }
    }

    /// The reporting verbs are found natively exactly where their pattern finds them: any case, the
    /// long s and the Kelvin sign that match caselessly, words run together, and letters beyond ASCII.
    @Test func reportingVerbsAreFoundWhereTheirPatternFindsThem() throws {
        let pieces = [
            "said", "SAYS", "ſaid", "aſked", "as\u{212A}ed", "according", "to", " ", "\n", "  ", "é", "x", "“", ".",
            "told", "re", "marked", "noted", "-",
        ]
        var generator = SeededGenerator(seed: 9)
        let matcher = Matcher()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let bytes = Array(text.utf8)
            let byPattern = try bytes.withUnsafeBufferPointer {
                try matcher.firstMatch(of: QuotationFinder.reportingVerb, in: $0, from: 0) != nil
            }
            #expect(QuotationFinder.hasReportingVerb(bytes, matcher: matcher) == byPattern, "\(text.debugDescription)")
        }
    }

    /// Short ASCII words are looked up packed in numbers: the same answer as the list of strings,
    /// in any case, for every abbreviation and for generated words of every length up to the longest.
    @Test func abbreviationsAreRecognisedAsTheListSays() {
        let longest = SentenceSplitter.abbreviations.map(\.utf8.count).max()!
        var words = SentenceSplitter.abbreviations.flatMap { [$0, $0.uppercased(), $0.capitalized] }
        var generator = SeededGenerator(seed: 4)
        let letters = Array("abcdeEgilmnoprsStuUvx.\u{0}".utf8)
        words += (0..<5_000).map { _ in
            String(
                decoding: (0..<Int.random(in: 2...longest, using: &generator)).map { _ in
                    letters.randomElement(using: &generator)!
                }, as: UTF8.self)
        }
        for word in words where word.utf8.count <= longest {
            let expected = SentenceSplitter.abbreviations.contains(word.lowercased())
            #expect(SentenceSplitter.isListedAbbreviation(asciiWord: Array(word.utf8)[...]) == expected, "\(word)")
        }
    }

    @Test func rangeEndsAreLocatedAsEachEndOnItsOwn() {
        let alphabet = ["a", " ", "é", "東", "\n", "\r\n", "\r", "x"]
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            let bytes = Array(text.utf8)
            let table = LineTable(bytes: bytes)
            let lower = Int.random(in: 0...bytes.count, using: &generator)
            let upper = Int.random(in: lower...bytes.count, using: &generator)
            let both = table.locations(of: lower..<upper)
            let start = table.location(of: lower)
            let end = table.location(of: upper)
            #expect(both.start == start && both.end == end, "\(Array(text.utf8)) \(lower)..<\(upper)")
        }
    }
}
