/// JUnit XML for CI test dashboards: one test case per document, failing when its gate fails.
public struct JUnitReporter: Reporter {
    let gates: Gates.Outcome?

    public init(gates: Gates.Outcome?) { self.gates = gates }

    public func render(_ report: AuditReport) -> String {
        let failures = report.documents.filter { gates?.documentFailures[$0.path] != nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"candor\" tests=\"\(report.documents.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out +=
            "  <testsuite name=\"candor\" tests=\"\(report.documents.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for document in report.documents {
            out += "    <testcase classname=\"candor\" name=\"\(XMLText.escape(document.path))\">\n"
            if let reasons = gates?.documentFailures[document.path] {
                out += "      <failure type=\"gate\" message=\"\(XMLText.escape(reasons.joined(separator: "; ")))\">"
                out += XMLText.escape(details(document)) + "</failure>\n"
            }
            out +=
                "      <system-out>\(XMLText.escape("score \(document.score)/100, grade \(document.grade), \(document.findings.count) findings"))</system-out>\n"
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    private func details(_ document: DocumentReport) -> String {
        document.findings.filter { $0.baseline != true }.map {
            "\(document.path):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message) [\($0.ruleLabel)]"
        }.joined(separator: "\n")
    }
}
