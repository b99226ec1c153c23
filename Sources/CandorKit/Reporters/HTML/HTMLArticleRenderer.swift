/// The article text with each finding and signal marked, nested so that every one gets one `<mark>`.
enum HTMLArticleRenderer {
    private struct Span {
        let range: Range<Int>
        let finding: Finding
        let id: String
    }

    static func render(_ document: DocumentReport, prefix: String) -> String {
        let bytes = document.displayBytes
        var spans: [Span] = []
        for (index, finding) in document.findings.enumerated() {
            if let range = finding.displayRange {
                spans.append(Span(range: clamp(range, bytes.count), finding: finding, id: "\(prefix)-f\(index)"))
            }
        }
        for (index, signal) in document.signals.enumerated() {
            if let range = signal.displayRange {
                spans.append(Span(range: clamp(range, bytes.count), finding: signal, id: "\(prefix)-s\(index)"))
            }
        }
        spans.sort { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
        var out = ""
        var open: [Int] = []  // end offsets of open marks
        var position = 0
        func text(upTo end: Int) {
            guard end > position else { return }
            out += HTMLText.escape(String(decoding: bytes[position..<end], as: UTF8.self))
            position = end
        }
        func closeMarks(through offset: Int) {
            while let end = open.last, end <= offset {
                text(upTo: end)
                out += "</mark>"
                open.removeLast()
            }
        }
        for span in spans {
            closeMarks(through: span.range.lowerBound)
            text(upTo: span.range.lowerBound)
            // A mark that would cross its parent's end is cut there, so the markup stays nested.
            let end = min(span.range.upperBound, open.last ?? bytes.count)
            out += openTag(span)
            open.append(max(end, span.range.lowerBound))
        }
        closeMarks(through: bytes.count)
        text(upTo: bytes.count)
        return "<div class=\"article\" lang=\"en\">" + out + "</div>"
    }

    private static func clamp(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        min(range.lowerBound, count)..<min(max(range.upperBound, range.lowerBound), count)
    }

    private static func openTag(_ span: Span) -> String {
        let finding = span.finding
        let look = HTMLStyle.look(finding.category)
        let kind = finding.isSignal ? "signal" : "finding"
        let note = """
            <span class="note" role="tooltip" id="\(span.id)-note"><strong>\(HTMLText.escape(finding.category.title)) · \(HTMLText.escape(finding.ruleLabel))</strong><br>\
            \(HTMLText.escape(finding.message))<br><em>Why:</em> \(HTMLText.escape(finding.rationale))<br><em>Fix:</em> \(HTMLText.escape(finding.suggestion))</span>
            """
        return """
            <mark class="\(kind) c-\(finding.category.rawValue)" id="\(span.id)" tabindex="0" data-rule="\(HTMLText.escape(finding.ruleId))" \
            aria-describedby="\(span.id)-note"><span class="code" aria-hidden="true">\(look.code)</span>\(note)
            """
    }
}
