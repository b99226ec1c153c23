import Foundation
import PCRE2Kit

/// Audits documents against a ruleset. Immutable and shareable; each call brings its own matcher.
public struct Auditor: Sendable {
    public let ruleset: Ruleset
    public let limits: Matcher.Limits
    /// The shared pass for phrase rules; nil runs every rule's own pattern (for comparison).
    let phraseIndex: PhraseIndex?

    /// Documents at least this large (1 MiB by default) have their rules matched on all cores.
    let parallelRulesThreshold: Int

    public init(
        ruleset: Ruleset, limits: Matcher.Limits = Matcher.Limits(), sharedPhrasePass: Bool = true,
        parallelRulesThreshold: Int = 1 << 20
    ) {
        self.ruleset = ruleset
        self.limits = limits
        self.parallelRulesThreshold = parallelRulesThreshold
        self.phraseIndex = sharedPhrasePass ? PhraseIndex(rules: ruleset.rules) : nil
    }

    public func audit(_ document: Document) -> DocumentReport {
        let (matched, diagnostics) = matchSpans(document)
        return audit(document, matched: matched, diagnostics: diagnostics)
    }

    /// Every span rule's raw matches in `document`, before exceptions of context are weighed; and
    /// the diagnostics of any rule that stopped early.
    public func matchSpans(_ document: Document) -> (findings: [Finding], diagnostics: [Diagnostic]) {
        let matcher = Matcher.forCurrentThread(limits: limits)
        let scanner = SpanScanner(document: document, matcher: matcher)
        var matched: [Finding] = []
        var diagnostics = document.diagnostics
        let shared: PhraseIndex.Found?
        do throws(MatchError) {
            shared = try phraseIndex?.candidates(in: document.text, matcher: matcher)
        } catch {
            shared = nil
            diagnostics.append(
                Diagnostic(severity: .error, message: "\(document.path): shared phrase pass stopped: \(error.message)"))
        }
        let spanRules = ruleset.rules.indices.filter {
            guard case .span = ruleset.rules[$0].kind else { return false }
            // A rule none of whose required words occur cannot match here.
            return shared == nil || phraseIndex?.gatedRules.contains($0) != true || shared?.anchors[$0] != nil
        }
        @Sendable func scan(_ index: Int, with scanner: SpanScanner) -> ([Finding], Diagnostic?) {
            guard case .span(let span) = ruleset.rules[index].kind else { return ([], nil) }
            // Without a shared pass (none built, or it stopped) every rule runs its own pattern.
            let candidates = shared.flatMap {
                phraseIndex?.phraseRules.contains(index) == true ? $0.matches[index] ?? [] : nil
            }
            let anchors = shared.flatMap {
                phraseIndex?.anchorRules.contains(index) == true ? $0.anchors[index] ?? [] : nil
            }
            return scanner.scan(
                ruleset.rules[index], span, candidates: candidates, anchors: anchors,
                anchorsStartMatches: phraseIndex?.matchesStartAtAnchor.contains(index) == true)
        }
        var results: [([Finding], Diagnostic?)]
        if document.text.count >= parallelRulesThreshold && ProcessInfo.processInfo.activeProcessorCount > 1 {
            // One large document: its rules are spread over the cores, each with its own matcher, and
            // the results are joined in rule order, so the output is what one core would give.
            let slots = Slots<([Finding], Diagnostic?)>(count: spanRules.count, initial: ([], nil))
            DispatchQueue.concurrentPerform(iterations: spanRules.count) { slot in
                let worker = SpanScanner(document: document, matcher: .forCurrentThread(limits: limits))
                slots[slot] = scan(spanRules[slot], with: worker)
            }
            results = slots.values
        } else {
            results = spanRules.map { scan($0, with: scanner) }
        }
        // Each rule's findings are released as they are joined: a large document has many.
        matched.reserveCapacity(results.reduce(0) { $0 + $1.0.count })
        for index in results.indices {
            matched += results[index].0
            results[index].0 = []
            if let diagnostic = results[index].1 { diagnostics.append(diagnostic) }
        }
        return (matched, diagnostics)
    }

    /// The rest of the audit once spans are matched: context, suppression, checks and the score.
    public func audit(
        _ document: Document, matched: consuming [Finding], diagnostics: [Diagnostic]? = nil
    ) -> DocumentReport {
        var diagnostics = diagnostics ?? document.diagnostics
        let prose = matched.filter { !Self.isQuotedSpeech($0, in: document) && !Self.isInsideAddress($0, in: document) }
        var suppressor = Suppressor(document: document)
        let (spans, suppressedSpans) = suppressor.apply(Self.removingOverlaps(prose))
        let signals = spans.filter(\.isSignal) + metadataSignals(document)
        var findings = spans.filter { !$0.isSignal }
        let cleanWords = Self.cleanWords(in: document, findings: findings)
        let checker = DocumentChecker(document: document, findings: findings, signals: signals)
        var checks: [Finding] = []
        for rule in ruleset.rules {
            guard case .document(let check) = rule.kind, let finding = checker.evaluate(rule, check) else { continue }
            checks.append(finding)
        }
        let (keptChecks, suppressedChecks) = suppressor.apply(checks)
        findings = (findings + keptChecks).sorted(by: Self.readingOrder)
        diagnostics += suppressor.unusedDirectiveWarnings()
        let card = Scorer.score(findings: findings, signals: signals, cleanWords: cleanWords)
        var report = DocumentReport(
            path: document.path, format: document.format, wordCount: document.wordCount, score: card.score,
            grade: card.grade, base: card.base, breakdown: card.breakdown,
            findings: findings.map { Self.placed($0, in: document) },
            signals: signals.map { Self.placed($0, in: document) }, diagnostics: diagnostics,
            suppressed: suppressedSpans + suppressedChecks)
        report.displayBytes = document.format == .html ? document.text : document.decoded
        return report
    }

    /// Sets where a span finding stands in the text reports display, and its fingerprint.
    static func placed(_ finding: Finding, in document: Document) -> Finding {
        var placed = finding
        if finding.hasProseRange { placed.context = document.context(around: finding.textRange) }
        let sentence = document.sentenceIndex(containing: finding.textRange.lowerBound).map {
            document.string(document.sentences[$0])
        }
        placed.fingerprint = Fingerprint.of(
            ruleId: finding.ruleId, text: finding.scope == .span ? document.string(finding.textRange) : "",
            context: finding.scope == .span ? sentence ?? "" : "")
        guard finding.scope == .span else { return placed }
        placed.displayRange =
            document.format == .html ? finding.textRange : document.textMap.sourceRange(for: finding.textRange)
        return placed
    }

    /// Signals from metadata rules: a front-matter author is a byline, a declared sponsor a disclosure.
    private func metadataSignals(_ document: Document) -> [Finding] {
        ruleset.rules.flatMap { rule -> [Finding] in
            guard case .metadata(let key) = rule.kind else { return [] }
            return document.metadata.filter { $0.key == key && Self.isAffirmative($0) }.prefix(1)
                .map { Finding(rule: rule, decodedRange: $0.range, in: document) }
        }
    }

    /// A field counts when it says something: `sponsored: false` or an empty author is no evidence.
    static func isAffirmative(_ field: MetadataField) -> Bool {
        let value = field.value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return !value.isEmpty && !["false", "no", "none", "0", "null"].contains(value)
    }

    /// A negative finding inside an attributed quotation reports the speaker's words, which the article
    /// has properly sourced; disclaimers stay, since a publisher's boilerplate is never quoted speech.
    static func isQuotedSpeech(_ finding: Finding, in document: Document) -> Bool {
        finding.category.polarity == .negative && finding.category != .disclaimer
            && document.isInsideAttributedQuotation(finding.textRange)
    }

    /// Words inside a web address are not prose: only a link signal may match there.
    static func isInsideAddress(_ finding: Finding, in document: Document) -> Bool {
        finding.signal != .link && document.touchesNonProse(finding.textRange)
    }

    /// Within one category, overlapping findings are one problem: keep the longest (then earliest rule).
    private static let overlapBucket = 1024

    static func removingOverlaps(_ findings: [Finding]) -> [Finding] {
        // Indexes are sorted rather than the findings themselves: a large document has many, and
        // each copy of the array would hold them all again.
        let longestFirst = findings.indices.sorted { lhs, rhs in
            let (left, right) = (findings[lhs], findings[rhs])
            if left.textRange.count != right.textRange.count { return left.textRange.count > right.textRange.count }
            return readingOrder(left, right)
        }
        // Kept ranges per category, filed by where they start, so a check looks only at the ranges
        // that start near the candidate (within the longest kept range before it): inserting into
        // one sorted list instead cost time proportional to the findings already kept.
        var kept: [Category: [Int: [Range<Int>]]] = [:]
        var longest: [Category: Int] = [:]
        var keptIndexes: [Int] = []
        for index in longestFirst {
            let finding = findings[index]
            let range = finding.textRange
            let reach = longest[finding.category] ?? 0
            let first = max(0, range.lowerBound - reach) / overlapBucket
            let last = max(range.lowerBound, range.upperBound - 1) / overlapBucket
            let clashes = (first...last).contains { bucket in
                kept[finding.category]?[bucket]?.contains { $0.overlaps(range) } ?? false
            }
            guard !clashes else { continue }
            kept[finding.category, default: [:]][range.lowerBound / overlapBucket, default: []].append(range)
            longest[finding.category] = max(reach, range.count)
            keptIndexes.append(index)
        }
        return keptIndexes.sorted { readingOrder(findings[$0], findings[$1]) }.map { findings[$0] }
    }

    static func readingOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.byteStart != rhs.byteStart { return lhs.byteStart < rhs.byteStart }
        if lhs.byteEnd != rhs.byteEnd { return lhs.byteEnd < rhs.byteEnd }
        return lhs.ruleId < rhs.ruleId
    }

    /// Words in sentences that carry no weighted negative finding.
    static func cleanWords(in document: Document, findings: [Finding]) -> Int {
        var flagged = Set<Int>()
        for finding in findings where finding.weight > 0 && finding.category.polarity == .negative {
            if let index = document.sentenceIndex(containing: finding.textRange.lowerBound) { flagged.insert(index) }
        }
        let flaggedWords = flagged.reduce(0) { $0 + WordCounter.count(document.text, in: document.sentences[$1]) }
        return max(0, document.wordCount - flaggedWords)
    }
}
