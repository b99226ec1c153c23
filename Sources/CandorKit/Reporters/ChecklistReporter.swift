/// The editorial checklist: a Markdown task list an editor works through before publishing, one item
/// per distinct problem (repeats of a rule grouped with their lines), the document-level checks, and
/// the score against its target.
public struct ChecklistReporter: Reporter {
    let target: Int

    public init(target: Int = 70) { self.target = target }

    public func render(_ report: AuditReport) -> String {
        report.documents.map(render).joined(separator: "\n")
    }

    private func render(_ document: DocumentReport) -> String {
        var out = "# Editorial checklist: \(MarkdownText.escape(document.path, newlines: false))\n\n"
        let verdict = document.score >= target ? "meets" : "below"
        out +=
            "Transparency score **\(document.score)/100** (grade \(document.grade)), \(verdict) the target of \(target).\n\n"
        out += "## Before publishing\n\n"
        for item in documentItems(document) { out += item + "\n" }
        // One pass that keeps each rule's first finding, lines and count, never a copy of the findings:
        // a large document has tens of thousands.
        var order: [Category: [String]] = [:]
        var groups: [String: Group] = [:]
        for finding in document.findings where finding.scope == .span {
            if groups[finding.ruleId] == nil {
                order[finding.category, default: []].append(finding.ruleId)
                groups[finding.ruleId] = Group(first: finding)
            }
            groups[finding.ruleId]!.add(finding)
        }
        for category in Category.allCases where category != .sponsorship && category != .transparency {
            guard let rules = order[category] else { continue }
            out += "\n## \(category.title)\n\n"
            for rule in rules { out += item(groups[rule]!) + "\n" }
        }
        return out
    }

    /// Every finding of one rule: the first, the lines it was found on, and how many there were.
    private struct Group {
        let first: Finding
        var lines: Set<Int> = []
        var count = 0

        mutating func add(_ finding: Finding) {
            lines.insert(finding.line)
            count += 1
        }
    }

    /// One task for every finding of one rule: its suggestion, the first passage, and every line.
    private func item(_ group: Group) -> String {
        let first = group.first
        let lines = group.lines.sorted()
        let place = lines.count == 1 ? "line \(lines[0])" : "lines " + lines.map(String.init).joined(separator: ", ")
        let more = group.count > 1 ? " and \(group.count - 1) more" : ""
        let passage = sentenceExcerpt(first)
        return
            "- [ ] \(escape(first.suggestion)) Passage: \"\(escape(passage))\"\(more) (\(place); `\(first.ruleLabel)`)"
    }

    private func sentenceExcerpt(_ finding: Finding) -> String {
        let words = (finding.text + finding.context.after).replacingNewlines()
        return words.count > 90 ? String(words.prefix(89)) + "…" : words
    }

    /// The document-level questions, ticked when the evidence is there.
    private func documentItems(_ document: DocumentReport) -> [String] {
        let checks = Set(document.findings.filter { $0.scope == .document }.map(\.ruleId))
        let signals = Set(document.signals.compactMap(\.signal?.countsAs))
        let hasDisclosure = signals.contains(.disclosure)
        var items: [(done: Bool, text: String)] = []
        if checks.contains("sponsorship.missing-disclosure") {
            items.append(
                (
                    false,
                    "Disclose any sponsor or paid relationship at the top: the text reads as promotion and says nothing."
                ))
        } else if checks.contains("sponsorship.buried-disclosure") {
            items.append((false, "Move the sponsorship disclosure to the top, before the claims."))
        } else {
            items.append(
                (
                    true,
                    hasDisclosure
                        ? "Sponsorship disclosed at the top." : "No sponsorship disclosure needed on this evidence."
                ))
        }
        items.append(
            (signals.contains(.byline), signals.contains(.byline) ? "Byline present." : "Add a byline: who wrote this?")
        )
        items.append(
            (signals.contains(.dateline), signals.contains(.dateline) ? "Date present." : "Add the publication date."))
        items.append(
            (
                signals.contains(.namedSource),
                signals.contains(.namedSource)
                    ? "At least one named source." : "Name at least one source, with their role."
            ))
        for rule in ["bias.one-sided-sourcing", "puffery.promoted-name"] where checks.contains(rule) {
            if let finding = document.findings.first(where: { $0.ruleId == rule }) {
                items.append((false, "\(finding.message) \(finding.suggestion)"))
            }
        }
        return items.map { "- [\($0.done ? "x" : " ")] \(escape($0.text))" }
    }

    private func escape(_ text: String) -> String { MarkdownText.escape(text) }
}
