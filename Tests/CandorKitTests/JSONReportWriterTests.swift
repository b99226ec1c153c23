import Foundation
import Testing

@testable import CandorKit

/// The hand-written JSON report must be exactly what `JSONEncoder` would write, so that the contract
/// and every committed report stay as they are.
@Suite struct JSONReportWriterTests {
    /// The report as `JSONEncoder` writes it with the reporter's options.
    static func encoded(_ report: AuditReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func expectSame(_ report: AuditReport, _ comment: Comment? = nil) {
        let written = JSONReporter().render(report)
        let encoded = Self.encoded(report)
        #expect(written == encoded, comment)
        if written != encoded, let index = zip(written, encoded).enumerated().first(where: { $1.0 != $1.1 })?.offset {
            let start = written.index(written.startIndex, offsetBy: max(0, index - 80))
            Issue.record("first difference near: \(written[start...].prefix(160))")
        }
    }

    @Test func sameAsJSONEncoderOnRealReports() {
        let texts = Array(SharedPassTests.manyArticles.prefix(30))
        let reports = texts.enumerated().map { index, text in
            TestSupport.auditor.audit(Document(path: "article-\(index).txt", bytes: Array(text.utf8)))
        }
        expectSame(AuditReport(documents: reports, errors: 0), "30 articles")
        expectSame(AuditReport(documents: Array(reports.prefix(2)), errors: 3), "an odd mean score")
        expectSame(AuditReport(documents: [], errors: 0), "no documents")
    }

    @Test func sameAsJSONEncoderOnHostileText() {
        let hostile = "Experts say \"</script><b>\" \\ / é 中文 \u{1}\u{1B}\u{7F}\u{8}\u{C}\r\n\t\u{2028} 🙂 may become."
        var report = TestSupport.audit(hostile, path: "odd \"name\"\u{1}.md")
        report.findings = report.findings.enumerated().map { index, finding in
            var marked = finding
            marked.baseline = index % 2 == 0
            return marked
        }
        #expect(!report.findings.isEmpty)
        expectSame(AuditReport(documents: [report], errors: 1), "control characters, quotes and markup")
        let withDiagnostics = TestSupport.audit("Experts say so. \u{FFFD}", path: "x.txt")
        expectSame(AuditReport(documents: [withDiagnostics, report], errors: 0), "diagnostics")
    }

    /// Characters to escape at every place within and across the eight-byte groups the writer
    /// passes over together.
    @Test func sameAsJSONEncoderWhereverAnEscapeFalls() {
        let palette = ["a", "é", "\"", "\\", "\u{1}", "\n", "\u{1F}", " ", "~", "\u{7F}", "中", "/"]
        var generator = SeededGenerator(seed: 12)
        let documents = (0..<300).map { _ in
            let path = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                palette.randomElement(using: &generator)!
            }.joined()
            return TestSupport.audit("Experts say it may work.", path: path)
        }
        expectSame(AuditReport(documents: documents, errors: 0), "generated paths")
    }

    /// Streamed in pieces, a report larger than one piece is the rendered report, byte for byte, in
    /// every format that streams.
    @Test(arguments: [ReportFormat.json, .terminal, .markdown, .github])
    func writtenInPiecesIsTheRenderedReport(format: ReportFormat) throws {
        let report = Self.largeReport
        let reporter = format.reporter(colors: true)
        var pieces: [[UInt8]] = []
        try reporter.write(report) { pieces.append(Array($0)) }
        let rendered = Array(reporter.render(report).utf8)
        #expect(rendered.count > 1 << 20, "the report spans more than one piece")
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.count <= (1 << 20) + (64 << 10) }, "no piece holds much more than a megabyte")
        #expect(pieces.flatMap { $0 } == rendered)
    }

    /// Documents rendered on all cores, in waves, around documents too large to render aside, give the
    /// bytes one core writes.
    @Test func documentsRenderedOnAllCoresGiveTheOneCoreBytes() throws {
        let articles = SharedPassTests.manyArticles.enumerated().map { index, text in
            TestSupport.auditor.audit(Document(path: "article-\(index).txt", bytes: Array(text.utf8)))
        }
        let large = Self.largeReport.documents[0]
        #expect(large.findings.count + large.signals.count > 1_000, "written in place, not rendered aside")
        let documents = articles + articles + [large] + articles + articles + articles + [large]
        #expect(documents.count > 2 * 64 * 2, "more than one wave")
        let report = AuditReport(documents: documents, errors: 0)
        var allCores: [UInt8] = []
        try JSONReporter(onAllCores: true).write(report) { allCores += $0 }
        var oneCore: [UInt8] = []
        try JSONReporter(onAllCores: false).write(report) { oneCore += $0 }
        #expect(allCores == oneCore)
        #expect(allCores == Array(JSONReporter().render(report).utf8))
    }

    /// A large article (the shared-pass corpus three times over) reported eight times, and a small one.
    static let largeReport: AuditReport = {
        let text = String(repeating: SharedPassTests.manyArticles.joined(separator: "\n\n") + "\n\n", count: 3)
        let large = TestSupport.auditor.audit(Document(path: "large.txt", bytes: Array(text.utf8)))
        let small = TestSupport.audit("Experts say it may work.")
        return AuditReport(documents: Array(repeating: large, count: 8) + [small], errors: 0)
    }()

    /// The sink's first error ends the write and reaches the caller.
    @Test(arguments: [ReportFormat.json, .terminal])
    func aFailingSinkStopsTheWrite(format: ReportFormat) {
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try format.reporter(colors: false).write(Self.largeReport) { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1, "nothing is handed over after the first error")
    }
}
