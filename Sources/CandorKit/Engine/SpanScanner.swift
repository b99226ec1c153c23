import PCRE2Kit

/// Runs span rules over one document with one worker's matcher, applying each rule's exceptions.
struct SpanScanner {
    let document: Document
    let matcher: Matcher

    /// Findings of `rule`, or the diagnostic that explains why its scan stopped early.
    func scan(_ rule: Rule, _ span: SpanMatcher) -> ([Finding], Diagnostic?) {
        var findings: [Finding] = []
        var failure: MatchError?
        document.text.withUnsafeBufferPointer { text in
            do throws(MatchError) {
                try matcher.forEachMatch(of: span.regex, in: text) { match in
                    guard let range = match.groups[span.group], !range.isEmpty else { return true }
                    do throws(MatchError) {
                        if try !isExcepted(range, span, text) {
                            findings.append(Finding(rule: rule, scope: .span, textRange: range, in: document))
                        }
                        return true
                    } catch {
                        failure = error
                        return false
                    }
                }
            } catch {
                failure = error
            }
        }
        guard let failure else { return (findings, nil) }
        let diagnostic = Diagnostic(
            severity: .error,
            message: "\(document.path): rule \(rule.id) stopped: \(failure.message); its findings here are incomplete",
            ruleId: rule.id)
        return (findings, diagnostic)
    }

    /// Whether an `unless` pattern overlaps the candidate, or an `unlessSentence` pattern matches its sentence.
    private func isExcepted(
        _ range: Range<Int>, _ span: SpanMatcher, _ text: UnsafeBufferPointer<UInt8>
    ) throws(MatchError) -> Bool {
        if span.unless.isEmpty && span.unlessSentence.isEmpty { return false }
        let sentence = document.sentenceIndex(containing: range.lowerBound).map { document.sentences[$0] } ?? range
        for regex in span.unless {
            var overlaps = false
            try matcher.forEachMatch(of: regex, in: text, from: sentence.lowerBound) { match in
                if match.range.lowerBound >= sentence.upperBound || match.range.lowerBound >= range.upperBound {
                    return false
                }
                overlaps =
                    match.range.overlaps(range) || (match.range.isEmpty && range.contains(match.range.lowerBound))
                return !overlaps
            }
            if overlaps { return true }
        }
        for regex in span.unlessSentence {
            if let match = try matcher.firstMatch(of: regex, in: text, from: sentence.lowerBound),
                match.range.lowerBound < sentence.upperBound
            {
                return true
            }
        }
        return false
    }
}
