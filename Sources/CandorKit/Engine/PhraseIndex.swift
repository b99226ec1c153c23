import Foundation
import PCRE2Kit

/// Trusted span rules sharing one pass over the text: every phrase rule's phrases, and the leading
/// words (see `AnchorDeriver`) or required words (see `RequiredWords`) of pattern rules, in one
/// prefix-factored trie.
///
/// Each phrase ends in a callout naming its rule followed by `(*FAIL)`: PCRE2 reports the match and
/// backtracks to try everything else, so one call enumerates every rule's matches at every start
/// position. They are then reduced exactly as the rule's own pattern would have matched: at each
/// start the first match its pattern prefers, never overlapping an earlier match of the same rule.
/// (Pattern rules merged into one alternation the same way were measured at half the speed, because
/// PCRE2 can no longer skip ahead to each pattern's possible first characters; they are anchored
/// instead, and run their own pattern only near where their words occur.)
///
/// The trie is walked natively (`PhraseWalker`), which makes the same callouts in the same order
/// without compiling the pattern at start-up or entering PCRE2 at every word; the pattern remains
/// for tries the walker cannot read.
struct PhraseIndex: Sendable {
    /// One rule's words in the trie: a phrase rule's phrases, reported as whole-word matches, or an
    /// anchored or gated rule's words, reported by where they start (a prefix will do).
    struct Member: Sendable {
        let rule: Int
        let words: [String]
        let startsOnly: Bool
        /// A word some rules' matches begin at, reported once for them all; `rule` is then the word's
        /// number among `leadWords`.
        var leads = false
    }

    /// Each member's rule and kind, in the order the walker numbers its callouts: read at every
    /// callout, so kept apart from the members' word lists.
    let memberKinds: MemberKinds
    /// The trie walked natively over the text; nil when a unit is beyond it, and the patterns run instead.
    let walker: PhraseWalker?
    /// One trie pattern per chunk of at most 255 members (PCRE2's numbered callouts): phrases and
    /// words share the pass, so the text is read once for both. Compiled only when there is no walker.
    let chunks: [(regex: Regex, members: [Member])]

    /// The rules each pass answers for, kept as sets for the per-rule lookups of every document.
    let phraseRules: Set<Int>
    /// Pattern rules searched only near their words: leading words (`AnchorDeriver`) or required
    /// words (`RequiredWords`); the pass reports where those words start.
    let wordRules: Set<Int>
    /// Those of them whose words are required words rather than leading words.
    let gatedRules: Set<Int>
    /// Rules searched near their words whose every match begins at one of a known set of (common)
    /// words, whose places the pass reports too: by rule, the numbers of its words (nil for the rest).
    let startWordIDs: [[Int]?]
    /// The distinct start words of those rules, each reported once however many rules share it
    /// ("a", "the", "is" begin many rules' matches).
    let leadWords: [String]
    let ledRules: Set<Int>
    /// Anchored rules whose matches begin at an anchor (or the white space before it), so the search
    /// for each need not look further back.
    let matchesStartAtAnchor: Set<Int>
    /// By rule, the most runs of white space a match of a rule searched near its words can hold before
    /// them (see `SpaceRuns`): how far back from a word its search need start. Nil for the rest.
    let mostSpaceRuns: [Int?]
    /// How many rules the indexes refer into.
    let ruleCount: Int
    /// By rule, what a document must hold for a rule scanned whole to be scanned at all (see
    /// `ScanGate`); nil for the rest.
    let gates: [ScanGate?]

    /// The index over the phrase rules among `rules` that can share a pass, or nil if none can.
    /// `native` false keeps the trie patterns even where the walker could run them (for comparison).
    init?(rules: [Rule], native: Bool = true) {
        var members: [Member] = []
        var gated = Set<Int>()
        var startsAtAnchor = Set<Int>()
        // Words every match begins at, too common to search from alone, still narrow the search
        // for the rule's own words to the stretches where a match could begin.
        var leadWords: [String] = []
        var leadWordIDs: [String: Int] = [:]
        var startWordIDs = [[Int]?](repeating: nil, count: rules.count)
        var spaceRuns = [Int?](repeating: nil, count: rules.count)
        var gates = [ScanGate?](repeating: nil, count: rules.count)
        func addLeads(_ rule: Int, _ starts: [String]?) {
            startWordIDs[rule] = starts?.map { word in
                if let known = leadWordIDs[word] { return known }
                leadWordIDs[word] = leadWords.count
                leadWords.append(word)
                return leadWords.count - 1
            }
        }
        // Each rule's pattern is read on all cores (the analyses are independent and most of what
        // building the index costs), then the members are taken in rule order.
        let analyses = Slots<Analysis>(count: rules.count, initial: .none)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            analyses[index] = Self.analyse(rules[index])
        }
        for (index, analysis) in analyses.values.enumerated() {
            switch analysis {
            case .none: continue
            case .phrases(let phrases): members.append(Member(rule: index, words: phrases, startsOnly: false))
            case .startWords(let starts):
                // Every match begins at one of these words (or the white space before it).
                members.append(Member(rule: index, words: starts, startsOnly: true))
                startsAtAnchor.insert(index)
            case .anchors(let anchors, let starts, let runs):
                members.append(Member(rule: index, words: anchors, startsOnly: true))
                addLeads(index, starts)
                spaceRuns[index] = runs
            case .required(let words, let starts, let runs):
                // Gated rules share the pass too: they need to know where their words occur.
                members.append(Member(rule: index, words: words, startsOnly: true))
                gated.insert(index)
                addLeads(index, starts)
                spaceRuns[index] = runs
            case .gate(let gate):
                // Only whether its words occur at all is asked: the rule is scanned whole or not at all.
                if !gate.words.isEmpty { members.append(Member(rule: index, words: gate.words, startsOnly: true)) }
                gates[index] = gate
            }
        }
        members += leadWords.indices.map { Member(rule: $0, words: [leadWords[$0]], startsOnly: true, leads: true) }
        guard !members.isEmpty else { return nil }
        walker = native ? PhraseWalker(members: members) : nil
        if walker != nil {
            chunks = []
        } else {
            guard let chunks = Self.compile(members) else { return nil }
            self.chunks = chunks
        }
        mostSpaceRuns = spaceRuns
        self.gates = gates
        memberKinds = MemberKinds(members)
        (self.startWordIDs, self.leadWords) = (startWordIDs, leadWords)
        ledRules = Set(startWordIDs.indices.filter { startWordIDs[$0] != nil })
        ruleCount = rules.count
        gatedRules = gated
        matchesStartAtAnchor = startsAtAnchor
        phraseRules = Set(members.filter { !$0.startsOnly }.map(\.rule))
        // A gated scan's words only open its gate: its pattern is not searched near them.
        wordRules = Set(members.filter { $0.startsOnly && !$0.leads && gates[$0.rule] == nil }.map(\.rule))
    }

    /// How the pass can serve one rule, read from its pattern.
    private enum Analysis {
        case none
        /// A phrase rule's phrases, matched whole.
        case phrases([String])
        /// Words every match begins at, rare enough to search from.
        case startWords([String])
        /// Leading words to search near, with the start words of its matches (if known) and the most
        /// runs of white space before them.
        case anchors([String], starts: [String]?, spaceRuns: Int?)
        /// Words every match holds, likewise.
        case required([String], starts: [String]?, spaceRuns: Int?)
        /// Words or rare punctuation every match holds, without a place to search from: the rule is
        /// scanned whole, and only in documents that hold one of them.
        case gate(ScanGate)
    }

    private static func analyse(_ rule: Rule) -> Analysis {
        guard case .span(let span) = rule.kind, span.group == 0, span.regex.isJITEnabled else { return .none }
        if let phrases = span.phrases { return span.caseSensitive ? .none : .phrases(phrases) }
        let starts = AnchorDeriver.startWords(for: span.regex.pattern)
        if let starts, starts.allSatisfy({ $0.count > 1 && !AnchorDeriver.tooCommon.contains($0) }) {
            return .startWords(starts)
        }
        if let anchors = AnchorDeriver.anchors(for: span.regex.pattern) {
            return .anchors(anchors, starts: starts, spaceRuns: SpaceRuns.most(in: span.regex.pattern))
        }
        if let required = RequiredWords.analysis(of: span.regex.pattern) {
            return .required(required.words, starts: starts, spaceRuns: required.spaceRuns)
        }
        return ScanGate(pattern: span.regex.pattern).map(Analysis.gate) ?? .none
    }

    /// One trie pattern per chunk of members (at most 255, PCRE2's callout numbers); a chunk whose
    /// pattern is too large for PCRE2 is split in two until each compiles.
    private static func compile(_ members: [Member]) -> [(regex: Regex, members: [Member])]? {
        if members.isEmpty { return [] }
        if members.count > 255 {
            guard let head = compile(Array(members.prefix(255))), let tail = compile(Array(members.dropFirst(255)))
            else { return nil }
            return head + tail
        }
        let root = TrieNode()
        for (number, member) in members.enumerated() {
            for word in member.words { root.insert(PhraseTrie.units(of: word), mark: number + 1) }
        }
        if let regex = try? Regex("(?<![\\w])" + emit(root, startsOnly: { members[$0 - 1].startsOnly })) {
            return [(regex, members)]
        }
        guard members.count > 1 else { return nil }
        let half = members.count / 2
        guard let head = compile(Array(members.prefix(half))), let tail = compile(Array(members.dropFirst(half)))
        else { return nil }
        return head + tail
    }

    /// The trie as a pattern. Where words end, the callouts of rules that want word starts come
    /// first; a phrase must also end at a word boundary before its callouts. `(*FAIL)` then makes
    /// PCRE2 go on exploring, so every member is reported at every start.
    private static func emit(_ node: TrieNode, startsOnly: (Int) -> Bool) -> String {
        var branches = node.children.keys.sorted().map { $0 + emit(node.children[$0]!, startsOnly: startsOnly) }
        if !node.marks.isEmpty {
            let starts = node.marks.filter(startsOnly).map { "(?C\($0))" }.joined()
            let phrases = node.marks.filter { !startsOnly($0) }.map { "(?C\($0))" }.joined()
            branches.append(starts + (phrases.isEmpty ? "" : "(?![\\w])" + phrases) + "(*FAIL)")
        }
        return branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
    }

    /// How the pass serves a rule: its phrases found, its words found (from which its own pattern is
    /// searched), those words also where its matches begin, or not at all.
    enum Role: Sendable {
        case none, phrases, words, wordsStartingMatches, wordsAfterLeads
        /// Scanned whole, where the document holds what its gate asks for (see `ScanGate`).
        case gatedScan

        /// Whether the rule's own pattern is searched from where the pass found its words.
        var searchesNearWords: Bool { self == .words || self == .wordsStartingMatches || self == .wordsAfterLeads }
    }

    func role(of rule: Int) -> Role {
        if phraseRules.contains(rule) { return .phrases }
        if gates[rule] != nil { return .gatedScan }
        guard wordRules.contains(rule) else { return .none }
        if ledRules.contains(rule) { return .wordsAfterLeads }
        return matchesStartAtAnchor.contains(rule) ? .wordsStartingMatches : .words
    }

    /// Where each start word of a rule in `ledRules` begins: a list per word, each in order, as a
    /// range of `places`.
    func leads(of rule: Int, in found: Found) -> Leads? {
        guard let words = startWordIDs[rule], let leads = found.leads else { return nil }
        return Leads(places: leads.values, lists: words.map(leads.range))
    }

    /// The places of a rule's start words, read from one array: a list per word as a range of it.
    struct Leads {
        let places: [UInt32]
        let lists: [Range<Int>]
    }

    /// Callouts arrive in order of start position (PCRE2 tries each start in turn and, through the
    /// `(*FAIL)`, every path at it before the next), so both are reduced as they come, without
    /// sorting. At a start, the first callout of a rule is the match its own pattern would prefer
    /// there; a start inside the rule's last kept match is skipped, as iterating its matches would.
    ///
    /// With `pieces` above one (and a walker), the text is walked in that many stretches between cuts
    /// on all cores, each worker with its own matcher under `limits`, and what they find is filed by
    /// rule in text order: the same as one walk.
    func candidates(
        in text: [UInt8], matcher: Matcher, pieces: Int = 1, limits: Matcher.Limits = Matcher.Limits()
    ) throws(MatchError) -> Found {
        if pieces > 1, let walker {
            return try text.withUnsafeBufferPointer { buffer throws(MatchError) in
                try walkedInPieces(buffer, walker, pieces: pieces, limits: limits)
            }
        }
        var builder = FoundBuilder(index: self, textLength: text.count)
        defer { builder.release() }
        try text.withUnsafeBufferPointer { buffer throws(MatchError) in
            try walker?.forEachCallout(in: buffer, matcher: matcher, into: &builder)
            for chunk in chunks {
                try matcher.forEachCallout(of: chunk.regex, in: buffer) {
                    let member = chunk.members[$0 - 1]
                    builder.add(rule: member.rule, startsOnly: member.startsOnly, leads: member.leads, $1)
                }
            }
        }
        return builder.found
    }

    private func walkedInPieces(
        _ text: UnsafeBufferPointer<UInt8>, _ walker: PhraseWalker, pieces: Int, limits: Matcher.Limits
    ) throws(MatchError) -> Found {
        let cuts = walker.cuts(in: text, pieces: pieces)
        let stretches = Slots<Result<FoundBuilder, MatchError>?>(count: cuts.count - 1, initial: nil)
        let shared = UnsafeSendable(text)
        DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { piece in
            var builder = FoundBuilder(index: self, textLength: shared.value.count)
            do throws(MatchError) {
                try walker.forEachCallout(
                    in: shared.value, starts: cuts[piece]..<cuts[piece + 1], matcher: .forCurrentThread(limits: limits),
                    into: &builder)
                stretches[piece] = .success(builder)
            } catch {
                // Nothing it found is filed: its memory goes now, the others' after the join.
                builder.release()
                stretches[piece] = .failure(error)
            }
        }
        var builders: [FoundBuilder] = []
        var failure: MatchError?
        for stretch in stretches.values {
            switch stretch {
            case .success(let builder): builders.append(builder)
            case .failure(let error): failure = failure ?? error
            // Every stretch is walked before `concurrentPerform` returns; none is left unset.
            case nil: continue
            }
        }
        defer { for builder in builders { builder.release() } }
        if let failure { throw failure }
        return FoundBuilder.found(joining: builders, index: self)
    }
}

/// A read-only view of a buffer handed to the workers of one call, which all finish before it returns.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
