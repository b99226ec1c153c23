import CandorKit
import Foundation
import Testing

@Suite struct ReporterTests {
    static let hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> </style> & ' \u{07}"

    private func report(_ text: String, path: String = "a.txt") -> AuditReport {
        AuditReport(documents: [TestSupport.audit(text, path: path)], errors: 0)
    }

    @Test func htmlEscapingLeavesNoMarkupOrControlCharacters() {
        let escaped = HTMLText.escape(Self.hostile)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\""))
        #expect(escaped.contains("&lt;script&gt;") && escaped.contains("&#39;") && escaped.contains("&#x7;"))
        #expect(HTMLText.escape("line\nbreak\ttab") == "line\nbreak\ttab")
    }

    @Test func htmlReportEscapesArticleAndPathAndForbidsScripts() {
        let html = HTMLReporter().render(report(Self.hostile + " Experts say so.", path: "<b>evil</b>.txt"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("default-src 'none'"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;b&gt;evil&lt;/b&gt;.txt"))
        #expect(html.components(separatedBy: "<mark class=\"finding").count - 1 == 1)
    }

    @Test func htmlSummaryRanksDocumentsAndCountsRules() {
        let documents = [
            TestSupport.audit("Experts say so.", path: "b.txt"), TestSupport.audit("Jane Doe said so.", path: "a.txt"),
        ]
        let html = HTMLReporter().render(AuditReport(documents: documents, errors: 0))
        #expect(html.contains("2 documents"))
        #expect(html.contains("class=\"histogram\""))
        #expect(html.contains("<code>unsourced.experts-say</code>: 1"))
        let lower = html.range(of: "href=\"#doc-0\"")!.lowerBound
        let higher = html.range(of: "href=\"#doc-1\"")!.lowerBound
        #expect(lower < higher, "the lower-scoring document is listed first")
    }

    @Test func checklistGroupsRepeatsOfOneRuleWithTheirLines() {
        let text = "Experts say it works.\nThe sky is blue.\nExperts say it is fast."
        let checklist = ChecklistReporter(target: 80).render(report(text))
        let items = checklist.split(separator: "\n").filter { $0.contains("unsourced.experts-say") }
        #expect(items.count == 1)
        #expect(items.first?.contains("(lines 1, 3;") == true)
        #expect(checklist.contains("target of 80"))
        #expect(checklist.contains("- [ ] Add a byline"))
        #expect(checklist.contains("- [ ] Name at least one source"))
    }

    @Test func terminalReportAlignsTheBreakdown() {
        let text = TerminalReporter(colors: false).render(report("Experts say it may well work."))
        let rows = text.split(separator: "\n").filter {
            $0.hasPrefix("  base") || $0.hasPrefix("  unsourced") || $0.hasPrefix("  score")
        }
        #expect(rows.count == 3)
        #expect(Set(rows.map(\.count)).count == 1, "points columns end at the same place")
    }
}
