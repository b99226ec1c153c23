import CandorKit
import CandorTestSupport
import Foundation
import Testing

/// CRLF, CR, BOM and UTF-16 copies of the sample article give the same findings at the same places.
@Suite struct EncodingTests {
    static let sample = (try? String(contentsOf: TestSupport.sampleArticle, encoding: .utf8)) ?? ""

    private func locations(_ bytes: [UInt8]) -> [String] {
        let report = TestSupport.auditor.audit(Document(path: "sample.txt", bytes: bytes))
        return (report.findings + report.signals).map { "\($0.ruleId)@\($0.line):\($0.column):\($0.text)" }
    }

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        return bytes
    }

    @Test func everyEncodingAgrees() {
        let reference = locations(Array(Self.sample.utf8))
        #expect(reference.count > 30)
        let crlf = Self.sample.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = Self.sample.replacingOccurrences(of: "\n", with: "\r")
        #expect(locations(Array(crlf.utf8)) == reference)
        #expect(locations(Array(cr.utf8)) == reference)
        #expect(locations([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8)) == reference)
        #expect(locations(utf16(Self.sample, bigEndian: false)) == reference)
        #expect(locations(utf16(Self.sample, bigEndian: true)) == reference)
    }

    @Test func utf16OffsetsPointAtTheFilesBytes() throws {
        let bytes = utf16("Experts say so.", bigEndian: false)
        let report = TestSupport.auditor.audit(Document(path: "u16.txt", bytes: bytes))
        let finding = try #require(report.findings.first { $0.ruleId == "unsourced.experts-say" })
        #expect(finding.byteStart == 2)
        #expect(finding.byteEnd == 2 + 2 * "Experts say".utf16.count)
        #expect(finding.text == "Experts say")
    }

    @Test func binaryAndBOMlessUTF16AreRefused() throws {
        let folder = try Scratch.folder("encoding")
        let file = folder.appendingPathComponent("u16.txt")
        try Data(Array("Hi".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: file)
        guard case .failure(let problem) = InputReader.read(.file(file.path)) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(problem.message.contains("UTF-16 without a byte-order mark"))
    }
}
