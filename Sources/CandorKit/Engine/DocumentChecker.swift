import PCRE2Kit

/// Evaluates document-level rules once the span rules have run.
struct DocumentChecker {
    let document: Document
    let findings: [Finding]
    let signals: [Finding]
    /// The names found in each sentence asked about, kept for the checks that ask again: two checks
    /// read the names of the same promotional sentences, and finding them is the costliest part.
    private let namesBySentence = NamesBySentence()

    final class NamesBySentence {
        var names: [Int: Set<String>] = [:]
    }

    /// The proper names in the sentence at `index` (see `NameExtractor`).
    func names(inSentence index: Int, matcher: Matcher) -> Set<String> {
        if let known = namesBySentence.names[index] { return known }
        let names = NameExtractor.names(in: document.text, range: document.sentences[index], matcher: matcher)
        namesBySentence.names[index] = names
        return names
    }

    func evaluate(_ rule: Rule, _ check: DocumentCheck) -> Finding? {
        switch check {
        case .missingSignal(let signal):
            guard !signals.indices.contains(where: { signals[$0].signal?.countsAs == signal }) else { return nil }
            return Finding(rule: rule, scope: .document, textRange: 0..<0, in: document)
        case .missingDisclosure(let commercial, let threshold):
            guard firstDisclosure == nil else { return nil }
            if let links = document.metadata.first(where: { $0.key == .sponsoredLinks }) {
                let message = "\(rule.message) (\(links.value) rel=\"sponsored\" link(s), no disclosure)"
                return Finding(rule: rule, scope: .document, textRange: 0..<0, in: document, message: message)
            }
            // Counted by index: iterating the findings copied each, and a copy retains all its strings.
            var (promotional, evidence) = (0, 0.0)
            for index in findings.indices
            where [.puffery, .socialProof, .disclaimer].contains(findings[index].category) {
                promotional += 1
                evidence += findings[index].weight
            }
            // Density over all words: a piece whose every sentence is flagged has few clean words left.
            let perThousand = evidence * 1000 / Double(max(document.wordCount, ScoringModel.minimumLength))
            guard promotional >= 3, perThousand >= threshold else { return nil }
            // Praise alone is found in edited features and reviews too; promotion also sells: a call
            // to buy, a price or yield, a sales count, a rating, a disclaimer.
            let sells =
                commercial.isEmpty
                || findings.indices.contains { index in
                    commercial.contains(findings[index].ruleId)
                        || commercial.contains(findings[index].category.rawValue)
                        || findings[index].alsoMatched.contains { commercial.contains($0) }
                }
            guard sells else { return nil }
            let message = "\(rule.message) (\(promotional) promotional findings, no disclosure)"
            return Finding(rule: rule, scope: .document, textRange: 0..<0, in: document, message: message)
        case .buriedDisclosure(let leadShare):
            guard let first = firstDisclosure, !document.text.isEmpty else { return nil }
            let position = Double(first.textRange.lowerBound) / Double(document.text.count)
            guard position > leadShare else { return nil }
            return Finding(rule: rule, scope: .document, textRange: first.textRange, in: document)
        case .oneSidedSourcing:
            return oneSidedSourcing(rule)
        case .promotedName(let threshold):
            return promotedName(rule, threshold: threshold)
        }
    }

    private var firstDisclosure: Finding? {
        signals.indices.first { signals[$0].signal?.countsAs == .disclosure }.map { signals[$0] }
    }
}
