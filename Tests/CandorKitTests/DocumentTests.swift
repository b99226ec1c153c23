import CandorKit
import Testing

@Suite struct DocumentTests {
    static func sentences(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.split(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func lineAndColumnCountUnicodeScalars() {
        let table = LineTable(bytes: Array("first\nÜber é x".utf8))
        let offset = Array("first\nÜber é ".utf8).count
        #expect(table.location(of: offset) == (2, 8))
    }

    /// Columns on a long line are counted eight bytes at a time: every scalar boundary, across
    /// characters of one to four bytes, gives the count of scalars before it.
    @Test func columnsOnALongLineOfMixedWidthsCountScalars() {
        let line = String(repeating: "aé€😀 b", count: 30)
        let table = LineTable(bytes: Array(("x\n" + line).utf8))
        var offset = 2
        for (index, scalar) in line.unicodeScalars.enumerated() {
            #expect(table.location(of: offset) == (2, index + 1))
            offset += String(scalar).utf8.count
        }
    }

    @Test func crlfAndLoneCREndLines() {
        let table = LineTable(bytes: Array("a\r\nb\rc\nd".utf8))
        #expect(table.location(of: 3).line == 2)
        #expect(table.location(of: 5).line == 3)
        #expect(table.location(of: 7).line == 4)
    }

    /// Line feeds alone are found a block at a time; with any carriage return, byte by byte. Both
    /// give a line after every line ending, empty lines and a final line feed included.
    @Test func lineStartsFollowEveryLineEnding() {
        for text in ["", "\n", "a", "a\n", "\n\nab\n\nc", "é\nü\n\n", "a\r\n\nb\rc\r"] {
            var expected = [0]
            let bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                if bytes[index] == 0x0A || bytes[index] == 0x0D { expected.append(index + 1) }
                index += 1
            }
            #expect(LineTable(bytes: bytes).lineStarts == expected, "\(text.debugDescription)")
        }
    }

    @Test func invalidUTF8IsReplacedOnceAndOffsetsStillPointIntoTheFile() throws {
        let bytes: [UInt8] = Array("bad ".utf8) + [0xFF, 0xFE] + Array(" experts say so".utf8)
        let document = Document(path: "bad.txt", bytes: bytes)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics[0].message.contains("invalid UTF-8"))
        let report = TestSupport.auditor.audit(document)
        let finding = try #require(report.findings.first { $0.ruleId == "unsourced.experts-say" })
        #expect(finding.byteStart == 7)
        #expect(finding.text == "experts say")
        #expect(Array(bytes[finding.byteStart..<finding.byteEnd]) == Array("experts say".utf8))
    }

    @Test func byteOrderMarkIsSkippedButOffsetsCountIt() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Experts say so.".utf8)
        let report = TestSupport.auditor.audit(Document(path: "bom.txt", bytes: bytes))
        let finding = report.findings.first { $0.ruleId == "unsourced.experts-say" }
        #expect(finding?.byteStart == 3)
        #expect(finding?.column == 1)
    }

    @Test func sentencesRespectAbbreviationsDecimalsAndInitials() {
        let text =
            "Dr. Smith paid $3.5m to J. R. Jones of Acme Inc. on Monday. Prices rose. U.S. firms agreed! Did they?"
        let sentences = Self.sentences(of: text)
        #expect(
            sentences == [
                "Dr. Smith paid $3.5m to J. R. Jones of Acme Inc. on Monday.", "Prices rose.", "U.S. firms agreed!",
                "Did they?",
            ])
    }

    @Test func quotationsAndListItemsEndSentences() {
        let text = "He said: \"It works.\" Then he left.\n- first item\n- Second item"
        let sentences = Self.sentences(of: text)
        #expect(sentences == ["He said: \"It works.\"", "Then he left.", "- first item", "- Second item"])
    }

    @Test func markdownHeadingsAreKnown() {
        let document = Document(path: "h.md", bytes: Array("# Big news\n\nBody text.\n\nSub\n---\n".utf8))
        #expect(document.headings.map(document.string) == [" Big news", "Sub"])
    }

    @Test func lineBreaksEndSentencesExceptHardWraps() {
        let text = "Heading without stop\nA paragraph that is\nwrapped by hand. Next one.\n\nLast"
        let sentences = Self.sentences(of: text)
        #expect(sentences == ["Heading without stop", "A paragraph that is\nwrapped by hand.", "Next one.", "Last"])
    }

    @Test func wordCountTreatsContractionsAndHyphensAsOneWord() {
        #expect(Document(path: "w", bytes: Array("China’s open-source push, 2024 — done.".utf8)).wordCount == 5)
        // Letters and digits beyond ASCII are words; symbols and dashes are not.
        #expect(Document(path: "w", bytes: Array("naïve Über ٣٤ × € – 東京".utf8)).wordCount == 4)
    }

    @Test func offsetMapRoundsReplacedRunsOutward() {
        var map = OffsetMap()
        map.append(textLength: 4, sourceStart: 0, sourceLength: 4)
        map.append(textLength: 3, sourceStart: 4, sourceLength: 1)
        map.append(textLength: 5, sourceStart: 5, sourceLength: 5)
        #expect(map.sourceRange(for: 0..<4) == 0..<4)
        #expect(map.sourceRange(for: 5..<6) == 4..<5)
        #expect(map.sourceRange(for: 7..<12) == 5..<10)
    }

    /// A finding's context is up to 60 bytes of its sentence on either side, cut at whole
    /// characters, with an ellipsis where the sentence goes on: however it is built, it reads as
    /// those parts joined.
    @Test func contextIsTheSentenceAroundAFindingCutAtWholeCharacters() {
        for filler in ["a", "é", "€", "😀"] {
            for count in [0, 1, 14, 15, 16, 19, 20, 21, 29, 30, 31, 59, 60, 61] {
                let side = String(repeating: filler, count: count)
                let text = "Prices " + side + " may become cheaper " + side + " soon"
                let report = TestSupport.audit(text)
                guard let finding = report.findings.first(where: { $0.scope == .span }) else {
                    Issue.record("no finding in \(text)")
                    continue
                }
                let bytes = Array(text.utf8)
                let (start, end) = (finding.byteStart, finding.byteEnd)
                var lower = max(0, start - 60)
                while lower < start, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
                var upper = min(bytes.count, end + 60)
                while upper > end, upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
                let before = (lower > 0 ? "…" : "") + String(decoding: bytes[lower..<start], as: UTF8.self)
                let after = String(decoding: bytes[end..<upper], as: UTF8.self) + (upper < bytes.count ? "…" : "")
                #expect(finding.context.before == before, "\(filler) × \(count)")
                #expect(finding.context.after == after, "\(filler) × \(count)")
            }
        }
    }
}
