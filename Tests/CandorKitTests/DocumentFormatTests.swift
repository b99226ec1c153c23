import CandorKit
import Foundation
import Testing

/// Markdown drafts and saved web pages: only prose is audited, and offsets point into the file.
@Suite struct DocumentFormatTests {
    static let fixtures = TestSupport.repositoryRoot.appendingPathComponent("Tests/CandorKitTests/Fixtures")

    private func audit(fixture name: String) throws -> (DocumentReport, [UInt8]) {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        return (TestSupport.auditor.audit(Document(path: name, bytes: bytes)), bytes)
    }

    private func spans(_ report: DocumentReport) -> Set<String> {
        Set(report.findings.filter { $0.scope == .span }.map { "\($0.ruleId)@\($0.line):\($0.column)" })
    }

    @Test func markdownCodeLinksAndFrontMatterAreNotProse() throws {
        let (report, bytes) = try audit(fixture: "draft.md")
        #expect(report.format == .markdown)
        #expect(
            spans(report) == [
                "hedging.may-become@8:15", "unsourced.experts-say@10:1", "hedging.may-become@10:25",
                "disclaimer.not-financial-advice@25:13", "unsourced.analysts-expected@26:20",
            ])
        for finding in report.findings where finding.scope == .span {
            #expect(Array(finding.text.utf8) == Array(bytes[finding.byteStart..<finding.byteEnd]))
        }
    }

    @Test func markdownFrontMatterIsReadAsMetadata() throws {
        let (report, _) = try audit(fixture: "draft.md")
        #expect(report.signals.contains { $0.ruleId == "transparency.metadata-author" && $0.text.contains("Jane Doe") })
        #expect(report.signals.contains { $0.ruleId == "transparency.metadata-date" && $0.line == 4 })
        #expect(!report.findings.contains { $0.ruleId == "transparency.missing-byline" })
        #expect(
            !report.signals.contains { $0.ruleId == "sponsorship.metadata-sponsored" },
            "sponsored: false is no disclosure")
    }

    @Test func htmlPageIsAuditedByItsArticleOnly() throws {
        let (report, bytes) = try audit(fixture: "news-page.html")
        #expect(report.format == .html)
        #expect(
            spans(report) == [
                "unsourced.experts-say@18:10", "hedging.may-become@18:34", "unsourced.analysts-expected@20:10",
            ])
        for finding in report.findings + report.signals where finding.scope == .span {
            #expect(Array(finding.text.utf8) == Array(bytes[finding.byteStart..<finding.byteEnd]))
        }
        #expect(!report.signals.contains { $0.signal == .disclosure }, "a nav link called Sponsored is no disclosure")
    }

    @Test func htmlHeadMetadataCountsAsBylineAndDate() throws {
        let (report, _) = try audit(fixture: "news-page.html")
        #expect(report.signals.contains { $0.ruleId == "transparency.metadata-author" })
        #expect(report.signals.contains { $0.ruleId == "transparency.metadata-date" })
        #expect(!report.findings.contains { $0.ruleId == "transparency.no-date" })
    }

    @Test func htmlEntitiesAreDecodedAndQuotedSpeechRecognised() throws {
        let (report, _) = try audit(fixture: "news-page.html")
        #expect(report.signals.contains { $0.ruleId == "transparency.name-role" && $0.line == 19 })
        #expect(
            !report.findings.contains { $0.line == 19 && $0.category == .hedging }, "“may take years” is Jane Doe's")
    }

    @Test func formatIsDetectedByExtensionThenContent() {
        #expect(Document(path: "a.md", bytes: Array("Hello".utf8)).format == .markdown)
        #expect(Document(path: "-", bytes: Array("<!doctype html><p>x</p>".utf8)).format == .html)
        #expect(Document(path: "-", bytes: Array("---\nauthor: x\n---\nHi".utf8)).format == .markdown)
        #expect(Document(path: "-", bytes: Array("Plain words.".utf8)).format == .text)
        #expect(Document(path: "a.md", bytes: Array("Hello".utf8), format: .text).format == .text)
    }
}

@Suite struct MarkupLinkTests {
    private func links(_ text: String, path: String) -> [String] {
        TestSupport.audit(text, path: path).signals.filter { $0.signal == .link }.map(\.text)
    }

    @Test func anHTMLLinkInTheArticleIsALinkSignalAtItsTag() {
        let page = """
            <html><body><nav><a href="https://example.org/menu">Menu</a></nav><article>
            <p>The audit was <a href="https://example.org/audit.pdf">published in full</a>.</p>
            <p><a href="https://example.org/signup?ref=42">Sign up</a> today.</p></article></body></html>
            """
        #expect(links(page, path: "page.html") == [#"<a href="https://example.org/audit.pdf">"#])
    }

    @Test func aMarkdownLinkTargetIsALinkSignal() {
        let found = links("The [survey](https://example.org/survey-2025) found a rise.\n", path: "a.md")
        #expect(found == ["https://example.org/survey-2025"])
        #expect(links("[Join the presale](https://example.org/presale) now.\n", path: "b.md").isEmpty)
    }
}
