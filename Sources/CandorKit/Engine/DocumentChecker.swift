/// Evaluates document-level rules once the span rules have run.
struct DocumentChecker {
    let document: Document
    let findings: [Finding]
    let signals: [Finding]

    func evaluate(_ rule: Rule, _ check: DocumentCheck) -> Finding? {
        switch check {
        case .missingSignal(let signal):
            guard !signals.contains(where: { $0.signal == signal }) else { return nil }
            return Finding(rule: rule, scope: .document, textRange: 0..<0, in: document)
        case .missingDisclosure(let threshold):
            guard disclosures.isEmpty else { return nil }
            if let links = document.metadata.first(where: { $0.key == .sponsoredLinks }) {
                let message = "\(rule.message) (\(links.value) rel=\"sponsored\" link(s), no disclosure)"
                return Finding(rule: rule, scope: .document, textRange: 0..<0, in: document, message: message)
            }
            let promotional = findings.lazy.filter { [.puffery, .socialProof, .disclaimer].contains($0.category) }
            let evidence = promotional.reduce(0) { $0 + $1.weight }
            // Density over all words: a piece whose every sentence is flagged has few clean words left.
            let perThousand = evidence * 1000 / Double(max(document.wordCount, ScoringModel.minimumLength))
            guard promotional.count >= 3, perThousand >= threshold else { return nil }
            let message = "\(rule.message) (\(promotional.count) promotional findings, no disclosure)"
            return Finding(rule: rule, scope: .document, textRange: 0..<0, in: document, message: message)
        case .buriedDisclosure(let leadShare):
            guard let first = disclosures.first, !document.text.isEmpty else { return nil }
            let position = Double(first.textRange.lowerBound) / Double(document.text.count)
            guard position > leadShare else { return nil }
            return Finding(rule: rule, scope: .document, textRange: first.textRange, in: document)
        case .oneSidedSourcing:
            return oneSidedSourcing(rule)
        case .promotedName(let threshold):
            return promotedName(rule, threshold: threshold)
        }
    }

    private var disclosures: LazyFilterSequence<[Finding]> { signals.lazy.filter { $0.signal == .disclosure } }
}
