import PCRE2Kit

extension DocumentChecker {
    /// Sentence indexes that hold at least one finding satisfying `include`. (Lazily: a large
    /// document has tens of thousands of findings, and a filtered copy would hold them again.)
    func sentences(with findings: [Finding], where include: (Category, Signal?) -> Bool) -> [Int] {
        var found: [Int] = []
        // By index, and the test given only what it reads: a finding passed whole was copied, and
        // a copy retains all its strings.
        for index in findings.indices where include(findings[index].category, findings[index].signal) {
            if let sentence = document.sentenceIndex(containing: findings[index].textRange.lowerBound) {
                found.append(sentence)
            }
        }
        // Sorted and each kept once: a set of a few numbers cost more in hashing than the rest.
        found.sortAndRemoveDuplicates()
        return found
    }

    /// Every named source shares one organisation that the article also praises.
    func oneSidedSourcing(_ rule: Rule) -> Finding? {
        let matcher = Matcher.forCurrentThread()
        let sourced = sentences(with: signals) { $1 == .namedSource }
        guard sourced.count >= 2 else { return nil }
        // Praise is rarer than sources, so it is looked for first and narrows the names to test.
        let praised = sentences(with: findings) { category, _ in [.puffery, .socialProof].contains(category) }
            .reduce(into: Set<String>()) { $0.formUnion(names(inSentence: $1, matcher: matcher)) }
        guard !praised.isEmpty else { return nil }
        // "Acme" is praised when "Acme Wallet" is: a product carries its maker's name.
        func isPraised(_ name: String) -> Bool {
            let product = name + " "
            return praised.contains { $0 == name || $0.hasPrefix(product) }
        }
        var shared: Set<String>?
        for index in sourced {
            let range = document.sentences[index]
            let affiliations = names(inSentence: index, matcher: matcher).filter {
                (shared?.contains($0) ?? true) && isPraised($0)
                    && Self.isAffiliation($0, in: document.text[range])
            }
            shared = affiliations
            if affiliations.isEmpty { return nil }
        }
        guard let organisation = shared?.sorted().first else { return nil }
        let message = "\(rule.message) (all \(sourced.count) quoted sources speak for \(organisation))"
        return Finding(
            rule: rule, scope: .document, textRange: document.sentences[sourced[0]], in: document, message: message)
    }

    /// Whether the sentence presents `name` as someone's employer: "of Acme", "at Acme", "Acme's".
    static func isAffiliation(_ name: String, in sentence: ArraySlice<UInt8>) -> Bool {
        let needle = Array(name.utf8)
        let bytes = Array(sentence)
        var start = 0
        while let found = bytes[start...].firstRange(of: needle) {
            let before = bytes[..<found.lowerBound]
            let after = bytes[found.upperBound...]
            if affiliationMarkers.contains(where: { before.reversed().starts(with: $0.reversed()) })
                || possessiveEndings.contains(where: { after.starts(with: $0) })
            {
                return true
            }
            start = found.lowerBound + 1
        }
        return false
    }

    private static let affiliationMarkers = [" of ", " at ", " for ", " from "].flatMap {
        [Array($0.utf8), Array(($0 + "the ").utf8)]
    }
    private static let possessiveEndings = [Array("'s".utf8), Array("’s".utf8)]

    /// One name recurs across the sentences that carry promotional language.
    func promotedName(_ rule: Rule, threshold: Int) -> Finding? {
        let matcher = Matcher.forCurrentThread()
        let promotional = sentences(with: findings) { category, _ in [.puffery, .socialProof].contains(category) }
        var counts: [String: Int] = [:]
        for index in promotional {
            // Acronyms such as AI or EU are topics, not products.
            for name in names(inSentence: index, matcher: matcher) where !(name.count <= 3 && name == name.uppercased())
            {
                counts[name, default: 0] += 1
            }
        }
        guard
            let (name, count) = counts.filter({ $0.value >= threshold }).max(by: {
                ($0.value, $1.key) < ($1.value, $0.key)
            })
        else { return nil }
        let first = promotional.first { names(inSentence: $0, matcher: matcher).contains(name) }
        let range = first.map { document.sentences[$0] } ?? 0..<0
        return Finding(
            rule: rule, scope: .document, textRange: range, in: document,
            message: "\(rule.message) ('\(name)' in \(count) promotional sentences)")
    }
}
