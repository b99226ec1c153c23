/// The findings table, rendered in three orders and switched with radio buttons, so it sorts with no
/// script at all (the page's security policy allows none).
enum HTMLFindingsTable {
    static func render(_ document: DocumentReport, prefix: String) -> String {
        let findings = document.findings
        guard !findings.isEmpty else { return "<p>No findings.</p>" }
        // Each finding keeps its index, which is also the id of its highlight in the article.
        let indexed = Array(findings.enumerated())
        let orders: [(key: String, title: String, sorted: [(offset: Int, element: Finding)])] = [
            (
                "line", "Line",
                indexed.sorted { ($0.1.line, $0.1.column, $0.1.ruleId) < ($1.1.line, $1.1.column, $1.1.ruleId) }
            ),
            ("category", "Category", indexed.sorted { ($0.1.category, $0.1.line) < ($1.1.category, $1.1.line) }),
            ("severity", "Severity", indexed.sorted { ($1.1.severity, $0.1.line) < ($0.1.severity, $1.1.line) }),
        ]
        var out = "<div class=\"sorter ui\"><span>Sort by: </span>"
        for (index, order) in orders.enumerated() {
            let id = "\(prefix)-sort-\(order.key)"
            out +=
                "<input type=\"radio\" class=\"s-\(order.key)\" name=\"\(prefix)-sort\" id=\"\(id)\"\(index == 0 ? " checked" : "")>"
            out += "<label for=\"\(id)\">\(order.title)</label>"
        }
        for order in orders {
            out +=
                "<div class=\"sorted by-\(order.key)\"><table><thead><tr><th>Line</th><th>Category</th><th>Severity</th>"
            out += "<th>Rule</th><th>Text</th><th>Message</th></tr></thead><tbody>"
            for (index, finding) in order.sorted { out += row(finding, index: index, prefix: prefix) }
            out += "</tbody></table></div>"
        }
        return out + "</div>"
    }

    private static func row(_ finding: Finding, index: Int, prefix: String) -> String {
        let look = HTMLStyle.look(finding.category)
        let location =
            finding.displayRange == nil
            ? "\(finding.line)" : "<a href=\"#\(prefix)-f\(index)\">\(finding.line):\(finding.column)</a>"
        return """
            <tr><td>\(location)</td><td><span class="c-\(finding.category.rawValue)">\(look.code)</span> \(HTMLText.escape(finding.category.title))</td>\
            <td>\(finding.severity.rawValue)</td><td><code>\(HTMLText.escape(finding.ruleLabel))</code></td>\
            <td>\(HTMLText.escape(String(finding.text.prefix(80))))</td><td>\(HTMLText.escape(finding.message))</td></tr>
            """
    }
}
