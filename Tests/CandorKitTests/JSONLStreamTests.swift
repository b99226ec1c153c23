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
