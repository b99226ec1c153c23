import PCRE2Kit

/// A rule's exceptions for the candidates of one scan, which come in text order: whether an
/// `unless` pattern overlaps a candidate, an `unlessSentence` pattern matches its sentence or an
/// `unlessNextSentence` pattern the sentence after it.
///
/// Each is looked for inside one sentence only, and each stretch of a sentence once rather than once
/// per candidate: the `unless` matches of a sentence are found as far as its candidates need and
/// walked with them, and a sentence's answers are kept for the candidates after the first. A sentence with thousands
/// of candidates (a page with no full stop) then costs one search, not one per candidate.
struct Exceptions {
    private let span: ScanPatterns
    private let document: Document
    private let matcher: Matcher
    private let hasAny: Bool
    /// The sentence the kept answers are for, and the answers.
    private var sentence: Int?
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
        guard let index = document.sentenceIndex(containing: range.lowerBound) else {
            // Outside every sentence (rare): the candidate is its own sentence, asked alone.
            if try overlapsUnless(range, within: range, text) { return true }
            return try matches(span.unlessSentence, in: range, text)
        }
        if index != sentence { enter(index) }
        let bounds = document.sentences[index]
        for pattern in unlessMatches.indices {
            try extend(pattern, through: min(bounds.upperBound, range.upperBound) - 1, in: bounds, text)
            if overlaps(range, pattern) { return true }
        }
        if let sentenceExcepted { return sentenceExcepted }
        var excepted = try matches(span.unlessSentence, in: bounds, text)
        if !excepted, index + 1 < document.sentences.count {
            excepted = try matches(span.unlessNextSentence, in: document.sentences[index + 1], text)
        }
        sentenceExcepted = excepted
        return excepted
    }

    /// Starts on a sentence: nothing of it searched yet.
    private mutating func enter(_ index: Int) {
        sentence = index
        unlessMatches = Array(repeating: [], count: span.unless.count)
        unlessCursors = Array(repeating: 0, count: span.unless.count)
        searchedFrom = Array(repeating: document.sentences[index].lowerBound, count: span.unless.count)
        sentenceExcepted = nil
    }

    /// Finds an `unless` pattern's matches in the sentence that start up to `latest`, going on from
    /// where the last candidate's search stopped: each stretch of the sentence is searched once,
    /// and no further than its last candidate needs.
    private mutating func extend(
        _ pattern: Int, through latest: Int, in bounds: Range<Int>, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) {
        let near = SpanScanner.text(text, reaching: bounds.upperBound)
        while searchedFrom[pattern] <= latest {
            guard
                let match = try matcher.firstMatch(
                    of: span.unless[pattern], in: near, from: searchedFrom[pattern], within: latest)
            else {
                // No match starts up to `latest`: the next search begins after it.
                searchedFrom[pattern] = Matcher.boundary(after: latest + 1, in: near)
                return
            }
            unlessMatches[pattern].append(match.range)
            searchedFrom[pattern] =
                match.range.isEmpty
                ? Matcher.boundary(after: match.range.lowerBound + 1, in: near) : match.range.upperBound
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

    /// Whether an `unless` pattern overlaps the candidate, searched within `bounds` only.
    private func overlapsUnless(
        _ range: Range<Int>, within bounds: Range<Int>, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> Bool {
        for regex in span.unless {
            var overlaps = false
            let latestStart = min(bounds.upperBound, range.upperBound) - 1
            let near = SpanScanner.text(text, reaching: bounds.upperBound)
            try matcher.forEachMatch(of: regex, in: near, from: bounds.lowerBound, within: latestStart) { match in
                overlaps =
                    match.range.overlaps(range) || (match.range.isEmpty && range.contains(match.range.lowerBound))
                return !overlaps
            }
            if overlaps { return true }
        }
        return false
    }

    private func matches(
        _ patterns: [Regex], in bounds: Range<Int>, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> Bool {
        for regex in patterns where !bounds.isEmpty {
            let near = SpanScanner.text(text, reaching: bounds.upperBound)
            if try matcher.firstMatch(of: regex, in: near, from: bounds.lowerBound, within: bounds.upperBound - 1)
                != nil
            {
                return true
            }
        }
        return false
    }
}
