import PCRE2Kit

/// A rule's exceptions for the candidates of one scan, which come in text order: whether an
/// `unless` pattern overlaps a candidate, an `unlessSentence` pattern matches its sentence or an
/// `unlessNextSentence` pattern the sentence after it.
///
/// Each is looked for inside one sentence only (a candidate outside every sentence is its own), and
/// each stretch of a sentence is searched once rather than once per candidate: the `unless` matches
/// of a sentence are found as far as its candidates need and walked with them, and a sentence's
/// answers are kept for the candidates after the first. A sentence with thousands of candidates (a
/// page with no full stop) then costs one pass, not one per candidate.
struct Exceptions {
    private let span: ScanPatterns
    private let document: Document
    private let matcher: Matcher
    private let hasAny: Bool
    /// The sentence the kept answers are for, and the answers.
    private var sentence: Range<Int>?
    private var unlessMatches: [[Range<Int>]] = []
    /// By `unless` pattern, the first of its matches that can still overlap a candidate.
    private var unlessCursors: [Int] = []
    /// By `unless` pattern, where its next search in the sentence starts.
    private var searchedFrom: [Int] = []
    private var sentenceExcepted: Bool?

    init(_ span: ScanPatterns, document: Document, matcher: Matcher) {
        self.span = span
        self.document = document
        self.matcher = matcher
        hasAny = !span.unless.isEmpty || !span.unlessSentence.isEmpty || !span.unlessNextSentence.isEmpty
    }

    /// Whether the candidate is excepted.
    mutating func except(_ range: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) throws(MatchError) -> Bool {
        guard hasAny else { return false }
        let index = document.sentenceIndex(containing: range.lowerBound)
        let bounds = index.map { document.sentences[$0] } ?? range
        if bounds != sentence { enter(bounds) }
        let near = SpanScanner.text(text, reaching: bounds.upperBound)
        for pattern in unlessMatches.indices {
            try extend(pattern, through: min(bounds.upperBound, range.upperBound) - 1, near)
            if overlaps(range, pattern) { return true }
        }
        if let sentenceExcepted { return sentenceExcepted }
        var excepted = try matches(span.unlessSentence, in: bounds, near)
        if !excepted, let index, index + 1 < document.sentences.count {
            let next = document.sentences[index + 1]
            excepted = try matches(span.unlessNextSentence, in: next, SpanScanner.text(text, reaching: next.upperBound))
        }
        sentenceExcepted = excepted
        return excepted
    }

    /// Starts on a sentence: nothing of it searched yet.
    private mutating func enter(_ bounds: Range<Int>) {
        sentence = bounds
        unlessMatches = Array(repeating: [], count: span.unless.count)
        unlessCursors = Array(repeating: 0, count: span.unless.count)
        searchedFrom = Array(repeating: bounds.lowerBound, count: span.unless.count)
        sentenceExcepted = nil
    }

    /// Finds an `unless` pattern's matches in the sentence that start up to `latest`, going on from
    /// where the last candidate's search stopped: each stretch of the sentence is searched once,
    /// and no further than its last candidate needs.
    private mutating func extend(
        _ pattern: Int, through latest: Int, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) {
        while searchedFrom[pattern] <= latest {
            guard
                let match = try matcher.firstMatch(
                    of: span.unless[pattern], in: text, from: searchedFrom[pattern], within: latest)
            else {
                // No match starts up to `latest`: the next search begins after it.
                searchedFrom[pattern] = Matcher.boundary(after: latest + 1, in: text)
                return
            }
            unlessMatches[pattern].append(match.range)
            searchedFrom[pattern] =
                match.range.isEmpty
                ? Matcher.boundary(after: match.range.lowerBound + 1, in: text) : match.range.upperBound
        }
    }

    /// Whether a kept `unless` match overlaps the candidate (an empty one, lying inside it). Matches
    /// that end before a candidate cannot overlap a later one, so the cursor moves past them.
    private mutating func overlaps(_ range: Range<Int>, _ pattern: Int) -> Bool {
        let found = unlessMatches[pattern]
        var cursor = unlessCursors[pattern]
        while cursor < found.count,
            found[cursor].isEmpty
                ? found[cursor].lowerBound < range.lowerBound : found[cursor].upperBound <= range.lowerBound
        {
            cursor += 1
        }
        unlessCursors[pattern] = cursor
        var next = cursor
        while next < found.count, found[next].lowerBound < range.upperBound {
            let match = found[next]
            if match.overlaps(range) || (match.isEmpty && range.contains(match.lowerBound)) { return true }
            next += 1
        }
        return false
    }

    /// Whether any of `patterns` matches within `bounds`.
    private func matches(
        _ patterns: [Regex], in bounds: Range<Int>, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> Bool {
        guard !bounds.isEmpty else { return false }
        for regex in patterns {
            if try matcher.firstMatch(of: regex, in: text, from: bounds.lowerBound, within: bounds.upperBound - 1)
                != nil
            {
                return true
            }
        }
        return false
    }
}
