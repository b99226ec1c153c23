import PCRE2Kit

/// What scanning needs of a span rule, in one object: a `SpanMatcher` is copied with every string
/// and list it holds (its phrases, word classes and written form too), and was copied for every
/// rule of every document.
final class ScanPatterns: Sendable {
    let regex: Regex
    let group: Int
    let unless: [Regex]
    let unlessSentence: [Regex]
    let unlessNextSentence: [Regex]

    init(_ span: SpanMatcher) {
        regex = span.regex
        group = span.group
        unless = span.unless
        unlessSentence = span.unlessSentence
        unlessNextSentence = span.unlessNextSentence
    }
}

/// Runs span rules over one document with one worker's matcher, applying each rule's exceptions.
struct SpanScanner {
    let document: Document
    let matcher: Matcher

    /// The ranges of text the rule flags, and why its scan stopped early, if it did. With `candidates`
    /// (from a shared pass over the text), the rule's own pattern is not run; with `anchors`, it is
    /// searched only near them (from `leads` within their reach, when given).
    func scan(
        _ span: ScanPatterns, candidates: ArraySlice<Range<Int>>? = nil, anchors: ArraySlice<Int>? = nil,
        anchorsStartMatches: Bool = false, spaceRuns: Int? = nil, leads: PhraseIndex.Leads? = nil
    ) -> ([Range<Int>], MatchError?) {
        document.text.withUnsafeBufferPointer { text in
            var flagged: [Range<Int>] = []
            var exceptions = Exceptions(span, document: document, matcher: matcher)
            do throws(MatchError) {
                if let candidates {
                    for range in candidates where try !exceptions.except(range, text) { flagged.append(range) }
                } else if let anchors {
                    // With leading words, matches are searched from those within reach of a required word.
                    let starts = leads.map { self.leads($0, reaching: anchors, spaceRuns, text)[...] } ?? anchors
                    let fromStarts = leads != nil || anchorsStartMatches
                    for range in try anchoredMatches(span, starts, startingAtAnchors: fromStarts, spaceRuns, text)
                    where try !exceptions.except(range, text) {
                        flagged.append(range)
                    }
                } else {
                    var failure: MatchError?
                    try matcher.forEachMatch(of: span.regex, in: text) { match in
                        guard let range = match.groups[span.group], !range.isEmpty else { return true }
                        do throws(MatchError) {
                            if try !exceptions.except(range, text) { flagged.append(range) }
                            return true
                        } catch {
                            failure = error
                            return false
                        }
                    }
                    if let failure { throw failure }
                }
                return (flagged, nil)
            } catch {
                return (flagged, error)
            }
        }
    }

    /// The matches of a pattern whose every match holds one of its anchor words (at or after the
    /// match's start) and starts within that word's reach (see `Reach`): each search runs from there
    /// to the anchor, and the sequence is the same as iterating over the whole text.
    /// With `startingAtAnchors`, a match begins at its anchor or in the white space before it, so each
    /// search starts there instead. A search that finds nothing clears its window, and the next one
    /// starts after it, so dense anchors never make the text be searched twice.
    private func anchoredMatches(
        _ span: ScanPatterns, _ anchors: ArraySlice<Int>, startingAtAnchors: Bool, _ spaceRuns: Int?,
        _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lastEnd = 0
        // No match starts within this range (windows searched in vain, end to end).
        var cleared = 0..<0
        var reaches = Reach(sentences: document.sentences, spaceRuns: spaceRuns)
        for anchor in anchors where anchor >= lastEnd {
            let reach =
                startingAtAnchors
                ? Self.spaceStart(before: anchor, in: text) : reaches.earliestStart(before: anchor, in: text)
            var earliest = max(lastEnd, reach)
            let continuesCleared = (cleared.lowerBound...cleared.upperBound).contains(earliest)
            if continuesCleared { earliest = cleared.upperBound }
            guard earliest <= anchor else { continue }
            let near = Self.text(text, reaching: anchor)
            guard let match = try matcher.firstMatch(of: span.regex, in: near, from: earliest, within: anchor) else {
                let after = Matcher.boundary(after: anchor + 1, in: text)
                cleared = (continuesCleared ? cleared.lowerBound : earliest)..<after
                continue
            }
            guard let range = match.groups[span.group] else { continue }
            if !range.isEmpty { ranges.append(range) }
            lastEnd = max(match.range.upperBound, match.range.lowerBound + 1)
        }
        return ranges
    }

    /// How far past the last place a search may start the text it is given runs. PCRE2 looks ahead
    /// for a character every match of a pattern needs before it tries to match at all, and reads on
    /// to the end of the text it is given where that character never comes: given the whole text,
    /// each search near one anchor, or in one sentence, could read to the end of the document.
    /// A match of a rule is a phrase; none runs this far past where it starts.
    static let searchReach = 4096

    /// `text` cut `searchReach` bytes after `last` (or whole, if shorter); offsets are unchanged.
    static func text(_ text: UnsafeBufferPointer<UInt8>, reaching last: Int) -> UnsafeBufferPointer<UInt8> {
        let end = last > text.count - searchReach ? text.count : last + searchReach
        return UnsafeBufferPointer(rebasing: text[..<max(0, end)])
    }

    /// The places among `lists` (each in order) where a match could begin: a match holds a required
    /// word at or after its start, within that word's reach (see `Reach`), so only places within that
    /// reach of a required word count. The reaches only grow along the text, so they merge into
    /// ordered stretches, and each list is searched for each stretch rather than read whole: "the"
    /// and "a" begin words everywhere, required words are rarer.
    private func leads(
        _ leads: PhraseIndex.Leads, reaching anchors: ArraySlice<Int>, _ spaceRuns: Int?,
        _ text: UnsafeBufferPointer<UInt8>
    ) -> [Int] {
        var reaches = Reach(sentences: document.sentences, spaceRuns: spaceRuns)
        var stretches: [ClosedRange<Int>] = []
        stretches.reserveCapacity(anchors.count)
        for anchor in anchors {
            let reach = reaches.earliestStart(before: anchor, in: text)
            if let last = stretches.last, reach <= last.upperBound + 1 {
                stretches[stretches.count - 1] = min(last.lowerBound, reach)...max(last.upperBound, anchor)
            } else {
                stretches.append(reach...anchor)
            }
        }
        var kept: [Int] = []
        let lists = leads.lists
        var cursors = lists.map(\.lowerBound)
        leads.places.withUnsafeBufferPointer { places in
            for stretch in stretches {
                let first = kept.count
                for index in lists.indices {
                    let end = lists[index].upperBound
                    var cursor = Self.firstIndex(in: places, from: cursors[index], to: end, atLeast: stretch.lowerBound)
                    while cursor < end, Int(places[cursor]) <= stretch.upperBound {
                        kept.append(Int(places[cursor]))
                        cursor += 1
                    }
                    cursors[index] = cursor
                }
                // Several words' places within one stretch: in order, each once.
                if lists.count > 1 { kept.sortAndRemoveDuplicates(from: first) }
            }
        }
        return kept
    }

    /// The first index in `from..<to` whose place is at least `target` (or `to`), by binary search.
    private static func firstIndex(
        in list: UnsafeBufferPointer<UInt32>, from: Int, to end: Int, atLeast target: Int
    ) -> Int {
        var (low, high) = (from, end)
        while low < high {
            let middle = (low + high) / 2
            if Int(list[middle]) < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The start of the run of white space that ends at `offset`.
    static func spaceStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = offset
        while index > 0, [0x20, 0x09, 0x0A, 0x0D].contains(text[index - 1]) { index -= 1 }
        return index
    }

    /// How far back a match holding a word may start, for words met in increasing order: the start
    /// of the word's line (after the white space before it) or of its sentence, whichever is earlier,
    /// since a hard-wrapped sentence can run over several lines; and no further back than the rule's
    /// runs of white space allow, when its matches hold a bounded number (see `SpaceRuns`).
    struct Reach {
        private let sentences: [Range<Int>]
        private var runs: SpaceRuns.Tracker?
        private var lines = LineStarts()
        /// The first sentence that may hold the next word.
        private var sentence = 0

        init(sentences: [Range<Int>], spaceRuns: Int?) {
            self.sentences = sentences
            runs = spaceRuns.map(SpaceRuns.Tracker.init)
        }

        mutating func earliestStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
            while sentence < sentences.count, sentences[sentence].upperBound <= offset { sentence += 1 }
            let sentenceStart =
                sentence < sentences.count && sentences[sentence].contains(offset)
                ? sentences[sentence].lowerBound : nil
            let lineEnd = SpanScanner.spaceStart(before: offset, in: text)
            guard runs != nil else {
                let line = lines.start(before: lineEnd, in: text)
                return min(line, sentenceStart ?? line)
            }
            let spaces = runs!.earliestStart(before: offset, in: text)
            // Already within the sentence: the line could only allow an earlier start.
            if let sentenceStart, spaces >= sentenceStart { return spaces }
            // Nor does a line that starts before the white-space reach: look back no further.
            var line = lineEnd
            while line > spaces, text[line - 1] != 0x0A, text[line - 1] != 0x0D { line -= 1 }
            return max(spaces, min(line, sentenceStart ?? line))
        }
    }

    /// Line starts for positions met in increasing order: each looks back only as far as the one
    /// before, so a rule's anchors along a long line cost one pass over it, not one pass each.
    struct LineStarts {
        private var checkedUpTo = 0
        private var lastStart = 0

        /// The start of the line holding the character before `position`.
        mutating func start(before position: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
            var index = position
            let floor = position >= checkedUpTo ? checkedUpTo : 0
            while index > floor, text[index - 1] != 0x0A, text[index - 1] != 0x0D { index -= 1 }
            // Reaching the floor without a line break means the line began where the last one did.
            let start = index > floor || floor == 0 ? index : lastStart
            (checkedUpTo, lastStart) = (position, start)
            return start
        }
    }

    static func stopped(_ rule: Rule, _ document: Document, _ failure: MatchError) -> Diagnostic {
        Diagnostic(
            severity: .error,
            message: "\(document.path): rule \(rule.id) stopped: \(failure.message); its findings here are incomplete",
            ruleId: rule.id)
    }
}
