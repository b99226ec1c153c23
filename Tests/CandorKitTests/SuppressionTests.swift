import CandorKit
import Testing

@Suite struct SuppressionTests {
    private func report(_ text: String, format: DocumentFormat = .text) -> DocumentReport {
        TestSupport.auditor.audit(Document(path: "s.txt", bytes: Array(text.utf8), format: format))
    }

    @Test func disableNextLineSilencesExactlyTheNamedRuleOnTheNextLine() {
        let text = """
            <!-- candor-disable-next-line unsourced.experts-say -->
            Experts say it may well work.
            Experts say so again.
            """
        let result = report(text)
        let lines = result.findings.filter { $0.ruleId == "unsourced.experts-say" }.map(\.line)
        #expect(lines == [3])
        #expect(result.findings.contains { $0.ruleId == "hedging.may-well" && $0.line == 2 })
        #expect(result.suppressed == 1)
    }

    @Test func disableAndEnableByCategoryCoverTheLinesBetween() {
        let text = """
            Perhaps one.
            <!-- candor-disable hedging -->
            Perhaps two. Experts say three.
            <!-- candor-enable hedging -->
            Perhaps four.
            """
        let result = report(text)
        #expect(result.findings.filter { $0.ruleId == "hedging.perhaps" }.map(\.line) == [1, 5])
        #expect(result.findings.contains { $0.ruleId == "unsourced.experts-say" && $0.line == 3 })
        #expect(result.suppressed == 1)
    }

    @Test func fileWideDisableSilencesDocumentChecks() {
        let result = report("<!-- candor-disable transparency.missing-byline -->\nThe council met.")
        #expect(!result.findings.contains { $0.ruleId == "transparency.missing-byline" })
        #expect(result.findings.contains { $0.ruleId == "transparency.no-date" })
        #expect(result.suppressed == 1)
    }

    @Test func unusedAndUnmatchedDirectivesAreReported() {
        let result = report("<!-- candor-disable-next-line puffery -->\nThe council met.\n<!-- candor-enable bias -->")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains(":1: candor-disable-next-line puffery suppressed nothing") })
        #expect(messages.contains { $0.contains(":3: candor-enable bias has no matching candor-disable") })
    }

    @Test func theSameSyntaxWorksInMarkdownAndHTML() {
        let markdown = report("<!-- candor-disable-next-line unsourced -->\nExperts say so.", format: .markdown)
        #expect(markdown.suppressed == 1)
        let html = report(
            "<html><body><!-- candor-disable-next-line unsourced -->\n<p>Experts say so.</p></body></html>",
            format: .html)
        #expect(html.suppressed == 1)
        #expect(!html.findings.contains { $0.category == .unsourced })
    }
}
