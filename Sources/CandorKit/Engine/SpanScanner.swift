import PCRE2Kit

/// Runs span rules over one document with one worker's matcher, applying each rule's exceptions.
struct SpanScanner {
    let document: Document
    let matcher: Matcher

    /// The ranges of text `rule` flags, and the diagnostic that explains why its scan stopped early,
    /// if it did. With `candidates` (from a shared pass over the text), the rule's own pattern is not run.
    func scan(
        _ rule: Rule, _ span: SpanMatcher, candidates: [Range<Int>]? = nil, anchors: [Int]? = nil,
        anchorsStartMatches: Bool = false
    ) -> ([Range<Int>], Diagnostic?) {
        var flagged: [Range<Int>] = []
        var failure: MatchError?
        document.text.withUnsafeBufferPointer { text in
            func consider(_ range: Range<Int>) -> Bool {
                do throws(MatchError) {
                    if try !isExcepted(range, span, text) { flagged.append(range) }
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let candidates {
                for range in candidates where !consider(range) { break }
                return
            }
            if let anchors {
                do throws(MatchError) {
                    for range in try anchoredMatches(span, anchors, startingAtAnchors: anchorsStartMatches, text)
                    where !consider(range) { break }
                } catch {
                    failure = error
                }
                return
            }
            do throws(MatchError) {
                try matcher.forEachMatch(of: span.regex, in: text) { match in
                    guard let range = match.groups[span.group], !range.isEmpty else { return true }
                    return consider(range)
                }
            } catch {
                failure = error
            }
        }
        guard let failure else { return (flagged, nil) }
        return (flagged, Self.stopped(rule, document, failure))
    }

    /// The matches of a pattern whose every match holds one of its anchor words and starts no earlier
    /// than the line of text before it: each search runs from there to the anchor, and the sequence
    /// is the same as iterating over the whole text. With `startingAtAnchors`, a match begins at its
    /// anchor or in the white space before it, so each search starts there instead.
    private func anchoredMatches(
        _ span: SpanMatcher, _ anchors: [Int], startingAtAnchors: Bool, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lastEnd = 0
        for anchor in anchors where anchor >= lastEnd {
            let reach =
                startingAtAnchors ? Self.spaceStart(before: anchor, in: text) : Self.lineStart(before: anchor, in: text)
            let earliest = max(lastEnd, reach)
            guard
                let match = try matcher.firstMatch(
                    of: span.regex, in: text, from: earliest, within: anchor),
                let range = match.groups[span.group]
            else { continue }
            if !range.isEmpty { ranges.append(range) }
            lastEnd = max(match.range.upperBound, match.range.lowerBound + 1)
        }
        return ranges
    }

    /// The start of the run of white space that ends at `offset`.
    static func spaceStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = offset
        while index > 0, [0x20, 0x09, 0x0A, 0x0D].contains(text[index - 1]) { index -= 1 }
        return index
    }

    /// The start of the line holding the first non-space character before `offset`.
    static func lineStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = spaceStart(before: offset, in: text)
        while index > 0, text[index - 1] != 0x0A, text[index - 1] != 0x0D { index -= 1 }
        return index
    }

    static func stopped(_ rule: Rule, _ document: Document, _ failure: MatchError) -> Diagnostic {
        Diagnostic(
            severity: .error,
            message: "\(document.path): rule \(rule.id) stopped: \(failure.message); its findings here are incomplete",
            ruleId: rule.id)
    }

    /// Whether an `unless` pattern overlaps the candidate, or an `unlessSentence` pattern matches its sentence.
    private func isExcepted(
        _ range: Range<Int>, _ span: SpanMatcher, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> Bool {
        if span.unless.isEmpty && span.unlessSentence.isEmpty { return false }
        let sentence = document.sentenceIndex(containing: range.lowerBound).map { document.sentences[$0] } ?? range
        // Exceptions are looked for inside the sentence only: a search that ran on to the next match
        // elsewhere would make every candidate cost the rest of the document.
        for regex in span.unless {
            var overlaps = false
            let latestStart = min(sentence.upperBound, range.upperBound) - 1
            try matcher.forEachMatch(of: regex, in: text, from: sentence.lowerBound, within: latestStart) { match in
                overlaps =
                    match.range.overlaps(range) || (match.range.isEmpty && range.contains(match.range.lowerBound))
                return !overlaps
            }
            if overlaps { return true }
        }
        for regex in span.unlessSentence {
            if try matcher.firstMatch(of: regex, in: text, from: sentence.lowerBound, within: sentence.upperBound - 1)
                != nil
            {
                return true
            }
        }
        return false
    }
}
