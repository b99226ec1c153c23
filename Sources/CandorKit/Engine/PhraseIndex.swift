import PCRE2Kit

/// Trusted span rules sharing passes over the text: every phrase rule's phrases in one
/// prefix-factored trie, and the leading words of pattern rules (see `AnchorDeriver`) in another.
///
/// Each phrase ends in a callout naming its rule followed by `(*FAIL)`: PCRE2 reports the match and
/// backtracks to try everything else, so one call enumerates every rule's matches at every start
/// position. They are then reduced exactly as the rule's own pattern would have matched: at each
/// start the first match its pattern prefers, never overlapping an earlier match of the same rule.
/// (Pattern rules merged into one alternation the same way were measured at half the speed, because
/// PCRE2 can no longer skip ahead to each pattern's possible first characters; they are anchored
/// instead, and run their own pattern only where their leading words occur.)
struct PhraseIndex: Sendable {
    /// One pattern per chunk of at most 255 rules (PCRE2's numbered callouts), with the rule indexes.
    let chunks: [(regex: Regex, rules: [Int])]
    /// The leading words of pattern rules (see `AnchorDeriver`), one trie per chunk of 255 rules.
    let anchorChunks: [(regex: Regex, rules: [Int])]

    /// The rules each pass answers for, kept as sets for the per-rule lookups of every document.
    let phraseRules: Set<Int>
    let anchorRules: Set<Int>
    /// Rules that run their own pattern, but only in documents holding one of their required words.
    let gatedRules: Set<Int>
    /// Anchored rules whose matches begin at an anchor (or the white space before it), so the search
    /// for each need not look further back.
    let matchesStartAtAnchor: Set<Int>

    /// The index over the phrase rules among `rules` that can share a pass, or nil if none can.
    init?(rules: [Rule]) {
        let spans = rules.indices.compactMap { index -> (Int, SpanMatcher)? in
            guard case .span(let span) = rules[index].kind, span.group == 0, span.regex.isJITCompiled else {
                return nil
            }
            return (index, span)
        }
        let eligible = spans.filter { $0.1.phrases != nil && !$0.1.caseSensitive }.map(\.0)
        var anchored: [(Int, [String])] = []
        var gated: [(Int, [String])] = []
        var startsAtAnchor = Set<Int>()
        for (index, span) in spans where span.phrases == nil {
            if let anchors = AnchorDeriver.anchors(for: span.regex.pattern) {
                anchored.append((index, anchors))
                if AnchorDeriver.matchesStartAtAnchors(span.regex.pattern) { startsAtAnchor.insert(index) }
            } else if let words = RequiredWords.words(for: span.regex.pattern) {
                gated.append((index, words))
            }
        }
        guard !eligible.isEmpty || !anchored.isEmpty || !gated.isEmpty else { return nil }
        gatedRules = Set(gated.map(\.0))
        matchesStartAtAnchor = startsAtAnchor
        // Anchored and gated rules share one pass: both need to know where their words occur.
        anchored += gated
        let anchorWords = anchored.map(\.1)
        guard
            let anchorChunks = Self.compile(
                Array(anchored.indices), boundary: false, words: { anchorWords[$0] }, rule: { anchored[$0].0 })
        else { return nil }
        self.anchorChunks = anchorChunks
        let phrasesOf = eligible.map { index -> [String] in
            guard case .span(let span) = rules[index].kind else { return [] }
            return span.phrases ?? []
        }
        guard
            let chunks = Self.compile(
                Array(eligible.indices), boundary: true, words: { phrasesOf[$0] }, rule: { eligible[$0] })
        else { return nil }
        self.chunks = chunks
        phraseRules = Set(chunks.flatMap(\.1))
        anchorRules = Set(anchorChunks.flatMap(\.1)).subtracting(gatedRules)
    }

    /// One trie pattern per chunk of members (at most 255, PCRE2's callout numbers); a chunk whose
    /// pattern is too large for PCRE2 is split in two until each compiles.
    private static func compile(
        _ members: [Int], boundary: Bool, words: (Int) -> [String], rule: (Int) -> Int
    ) -> [(regex: Regex, rules: [Int])]? {
        if members.isEmpty { return [] }
        if members.count > 255 {
            guard let head = compile(Array(members.prefix(255)), boundary: boundary, words: words, rule: rule),
                let tail = compile(Array(members.dropFirst(255)), boundary: boundary, words: words, rule: rule)
            else { return nil }
            return head + tail
        }
        let root = TrieNode()
        for (number, member) in members.enumerated() {
            for word in words(member) { root.insert(PhraseTrie.units(of: word), mark: number + 1) }
        }
        if let regex = try? Regex("(?<![\\w])" + emit(root, boundary: boundary)) {
            return [(regex, members.map(rule))]
        }
        guard members.count > 1 else { return nil }
        let half = members.count / 2
        guard let head = compile(Array(members.prefix(half)), boundary: boundary, words: words, rule: rule),
            let tail = compile(Array(members.dropFirst(half)), boundary: boundary, words: words, rule: rule)
        else { return nil }
        return head + tail
    }

    private static func emit(_ node: TrieNode, boundary: Bool = true) -> String {
        var branches = node.children.keys.sorted().map { $0 + emit(node.children[$0]!, boundary: boundary) }
        if !node.marks.isEmpty {
            branches.append((boundary ? "(?![\\w])" : "") + node.marks.map { "(?C\($0))" }.joined() + "(*FAIL)")
        }
        return branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
    }

    /// What the shared pass found: phrase matches per rule, reduced to what each rule's own pattern
    /// would report, and the positions of each anchored rule's leading words.
    struct Found: Sendable {
        var matches: [Int: [Range<Int>]] = [:]
        var anchors: [Int: [Int]] = [:]
    }

    func candidates(in text: [UInt8], matcher: Matcher) throws(MatchError) -> Found {
        var raw: [Int: [Range<Int>]] = [:]
        var found = Found()
        try text.withUnsafeBufferPointer { buffer throws(MatchError) in
            for chunk in chunks {
                try matcher.forEachCallout(of: chunk.regex, in: buffer) { number, range in
                    raw[chunk.rules[number - 1], default: []].append(range)
                }
            }
            for chunk in anchorChunks {
                try matcher.forEachCallout(of: chunk.regex, in: buffer) { number, range in
                    found.anchors[chunk.rules[number - 1], default: []].append(range.lowerBound)
                }
            }
        }
        found.matches = raw.mapValues(Self.asTheRuleWouldMatch)
        found.anchors = found.anchors.mapValues { Array(Set($0)).sorted() }
        return found
    }

    /// Callouts arrive in the order PCRE2 explores, so the first at a start is the one the rule's own
    /// pattern would report there; later starts inside a kept match are skipped, as iteration would.
    static func asTheRuleWouldMatch(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var firstAtStart: [Int: Range<Int>] = [:]
        for range in ranges where !range.isEmpty && firstAtStart[range.lowerBound] == nil {
            firstAtStart[range.lowerBound] = range
        }
        var kept: [Range<Int>] = []
        for start in firstAtStart.keys.sorted() where kept.last.map({ start >= $0.upperBound }) ?? true {
            kept.append(firstAtStart[start]!)
        }
        return kept
    }
}
