import PCRE2Kit

extension DocumentChecker {
    /// Sentence indexes that hold at least one finding satisfying `include`.
    func sentences(with findings: [Finding], where include: (Finding) -> Bool) -> [Int] {
        Set(findings.filter(include).compactMap { document.sentenceIndex(containing: $0.textRange.lowerBound) })
            .sorted()
    }

    /// Every named source shares one organisation that the article also praises.
    func oneSidedSourcing(_ rule: Rule) -> Finding? {
        let matcher = Matcher()
        let sourced = sentences(with: signals) { $0.signal == .namedSource }
        guard sourced.count >= 2 else { return nil }
        let nameSets = sourced.map { index in
            let sentence = document.string(document.sentences[index])
            return NameExtractor.names(in: document.text, range: document.sentences[index], matcher: matcher)
                .filter { Self.isAffiliation($0, in: sentence) }
        }
        let praised = sentences(with: findings) { [.puffery, .socialProof].contains($0.category) }
            .reduce(into: Set<String>()) {
                $0.formUnion(NameExtractor.names(in: document.text, range: document.sentences[$1], matcher: matcher))
            }
        // "Acme" is praised when "Acme Wallet" is: a product carries its maker's name.
        let shared = nameSets.dropFirst().reduce(nameSets[0]) { $0.intersection($1) }.filter { name in
            praised.contains { $0 == name || $0.hasPrefix(name + " ") }
        }
        guard let organisation = shared.sorted().first else { return nil }
        let message = "\(rule.message) (all \(sourced.count) quoted sources speak for \(organisation))"
        return Finding(
            rule: rule, scope: .document, textRange: document.sentences[sourced[0]], in: document, message: message)
    }

    /// Whether the sentence presents `name` as someone's employer: "of Acme", "at Acme", "Acme's".
    static func isAffiliation(_ name: String, in sentence: String) -> Bool {
        let markers = [" of ", " at ", " for ", " from ", " of the ", " at the ", " for the ", " from the "]
        return markers.contains { sentence.contains($0 + name) } || sentence.contains(name + "'s")
            || sentence.contains(name + "’s")
    }

    /// One name recurs across the sentences that carry promotional language.
    func promotedName(_ rule: Rule, threshold: Int) -> Finding? {
        let matcher = Matcher()
        let promotional = sentences(with: findings) { [.puffery, .socialProof].contains($0.category) }
        var counts: [String: Int] = [:]
        for index in promotional {
            // Acronyms such as AI or EU are topics, not products.
            for name in NameExtractor.names(in: document.text, range: document.sentences[index], matcher: matcher)
            where !(name.count <= 3 && name == name.uppercased()) {
                counts[name, default: 0] += 1
            }
        }
        guard
            let (name, count) = counts.filter({ $0.value >= threshold }).max(by: {
                ($0.value, $1.key) < ($1.value, $0.key)
            })
        else { return nil }
        let first = promotional.first { index in
            NameExtractor.names(in: document.text, range: document.sentences[index], matcher: matcher).contains(name)
        }
        let range = first.map { document.sentences[$0] } ?? 0..<0
        return Finding(
            rule: rule, scope: .document, textRange: range, in: document,
            message: "\(rule.message) ('\(name)' in \(count) promotional sentences)")
    }
}
