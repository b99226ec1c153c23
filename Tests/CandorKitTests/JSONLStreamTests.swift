import Foundation
import Testing

@testable import CandorKit

/// The stream reads lines however its input arrives, and writes each result as `JSONEncoder` would.
@Suite struct JSONLStreamTests {
    static let input = [
        #"{"id": 1, "text": "Experts say it may well work."}"#, "not json", "", "  ",
        ##"{"id": "b/c", "text": "# Hi\n\nJane Doe said so.\n\n“Quoted \"odd\" \\ text”", "format": "markdown"}"##,
        #"{"id": 2.5, "text": "Sponsored content. Analysts are expected to cheer."}"# + "\r",
        #"{"text": "no id"}"#, #"{"id": 3, "text": "Last line, no line feed: it may become big."}"#,
    ].joined(separator: "\n")

    private func run(chunkSize: Int) -> [String] {
        let bytes = Data(Self.input.utf8)
        var offset = 0
        var lines: [String] = []
        _ = JSONLStream(auditor: TestSupport.auditor).run(
            nextChunk: {
                guard offset < bytes.count else { return nil }
                defer { offset += chunkSize }
                return bytes.subdata(in: offset..<min(bytes.count, offset + chunkSize))
            }, emit: { lines.append($0) })
        return lines
    }

    @Test func linesAreReadWhereverTheChunksFall() {
        let whole = run(chunkSize: Self.input.utf8.count)
        #expect(whole.count == 6)
        #expect(whole.last?.hasPrefix(#"{"id":3,"#) == true)
        for size in [1, 2, 3, 7, 64, 1000] { #expect(run(chunkSize: size) == whole, "chunks of \(size)") }
    }

    /// Lines are audited in groups; each result must be its own line's, as a line alone gives it.
    @Test func groupedLinesGiveEachLineItsOwnResult() throws {
        let texts = SharedPassTests.manyArticles.prefix(150)
        var lines = try texts.enumerated().map { index, text in
            String(decoding: try JSONEncoder().encode(["id": "\(index)", "text": text]), as: UTF8.self)
        }
        for place in [0, 17, 18, 90] { lines.insert(place % 2 == 0 ? "{bad" : " ", at: place) }
        let input = Data(lines.joined(separator: "\n").utf8)
        func stream(batchSize: Int) -> [String] {
            var stream = JSONLStream(auditor: TestSupport.auditor)
            stream.batchSize = batchSize
            var output: [String] = []
            var given = false
            _ = stream.run(
                nextChunk: {
                    defer { given = true }
                    return given ? nil : input
                }, emit: { output.append($0) })
            return output
        }
        let alone = stream(batchSize: 1)
        #expect(alone.count == texts.count + 3)
        #expect(stream(batchSize: 128) == alone)
        #expect(stream(batchSize: 1000) == alone)
    }

    /// A result line is the input's id, then the document exactly as `JSONEncoder` writes it.
    @Test func aResultLineIsTheDocumentAsJSONEncoderWritesIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let texts =
            Array(SharedPassTests.texts.prefix(20)) + ["Experts say \"</script>\" \\ / é 中文 \u{1}\u{7F}\r\n\t 🙂."]
        for (index, text) in texts.enumerated() {
            let report = TestSupport.auditor.audit(Document(path: "jsonl:\(index)", bytes: Array(text.utf8)))
            let line = JSONReportWriter.line(report)
            #expect(
                String(decoding: line, as: UTF8.self) == String(decoding: try encoder.encode(report), as: UTF8.self))
        }
    }
}
