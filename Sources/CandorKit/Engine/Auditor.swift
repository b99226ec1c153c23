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
    /// The span rules by their place in the ruleset, and how the shared pass serves each: looked up
    /// for every rule of every document, so kept as arrays rather than sets and rule copies.
    let spanRules: [(index: Int, matcher: ScanPatterns)]
    let roles: [PhraseIndex.Role]
    /// The document checks and metadata rules, found once rather than among every rule per document.
    let documentChecks: [(rule: Rule, check: DocumentCheck)]
    let metadataRules: [(rule: Rule, key: MetadataField.Key)]

    public init(
        ruleset: Ruleset, limits: Matcher.Limits = Matcher.Limits(), sharedPhrasePass: Bool = true,
        parallelRulesThreshold: Int = 1 << 20
    ) {
        self.ruleset = ruleset
        self.limits = limits
        self.parallelRulesThreshold = parallelRulesThreshold
        let phraseIndex = sharedPhrasePass ? PhraseIndex(rules: ruleset.rules) : nil
        self.phraseIndex = phraseIndex
        spanRules = ruleset.rules.indices.compactMap { index in
            guard case .span(let span) = ruleset.rules[index].kind else { return nil }
            return (index, ScanPatterns(span))
        }
        roles = ruleset.rules.indices.map { phraseIndex?.role(of: $0) ?? .none }
        documentChecks = ruleset.rules.compactMap { rule in
            guard case .document(let check) = rule.kind else { return nil }
            return (rule, check)
        }
        metadataRules = ruleset.rules.compactMap { rule in
            guard case .metadata(let key) = rule.kind else { return nil }
            return (rule, key)
        }
    }

    public func audit(_ document: Document) -> DocumentReport {
        let (matched, diagnostics) = matchSpans(document)
        return audit(document, matched: matched, diagnostics: diagnostics)
    }

    /// Audits several documents stage by stage: every one's spans are matched, then each is scored.
    /// Matching short documents back to back keeps the rules' compiled code and the shared pass's
    /// tables in the caches that reading and scoring each one in between would evict (see
    /// `BatchAuditor.audit` for the figures).
    public func audit(_ documents: [Document]) -> [DocumentReport] {
        var matched = documents.map(matchSpans)
        return documents.indices.map { place in
            // Handed over rather than shared, so that scoring can free them as it goes: a large
            // document's matches held here as well cost 11 MB of peak memory on 50 MB of text.
            let matches = matched[place].matches
            matched[place].matches = []
            return audit(documents[place], matched: consume matches, diagnostics: matched[place].diagnostics)
        }
    }

    /// Every span rule's raw matches in `document`, before exceptions of context are weighed; and
    /// the diagnostics of any rule that stopped early.
    public func matchSpans(_ document: Document) -> (matches: [SpanMatch], diagnostics: [Diagnostic]) {
        matchSpans(document, onlyRules: nil)
    }

    /// As `matchSpans(_:)`, running only the rules whose place in the ruleset is true in `onlyRules`
    /// (all when nil): the benchmark's bound on what any prefilter could save (see
    /// `MatchHeadroom.measure`).
    func matchSpans(
        _ document: Document, onlyRules: [Bool]?
    ) -> (matches: [SpanMatch], diagnostics: [Diagnostic]) {
        let matcher = Matcher.forCurrentThread(limits: limits)
        let scanner = SpanScanner(document: document, matcher: matcher)
        var matched: [SpanMatch] = []
        var diagnostics = document.diagnostics
        let shared: PhraseIndex.Found?
        // One large document is walked in stretches of about a megabyte on all cores (see
        // `PhraseIndex.candidates`; small stretches keep the room their lists grow into small), and
        // its rules are spread over the cores below. The core count is asked only then: asking costs
        // more than auditing a short article's shared pass.
        let cores = document.text.count >= parallelRulesThreshold ? ProcessInfo.processInfo.activeProcessorCount : 1
        let onAllCores = cores > 1
        let pieces = onAllCores ? max(cores, document.text.count >> 20) : 1
        do throws(MatchError) {
            shared = try phraseIndex?.candidates(in: document.text, matcher: matcher, pieces: pieces, limits: limits)
        } catch {
            shared = nil
            diagnostics.append(
                Diagnostic(severity: .error, message: "\(document.path): shared phrase pass stopped: \(error.message)"))
        }
        // A rule the shared pass answers for, and found nothing of here (no phrase, no leading or
        // required word), cannot match: it is not run at all. Without a shared pass (none built, or
        // it stopped) every rule runs its own pattern.
        // Places in `spanRules`: filtering the rules themselves copied (and retained) every matcher.
        let active = spanRules.indices.filter { place in
            let rule = spanRules[place].index
            if let onlyRules, !onlyRules[rule] { return false }
            guard let shared else { return true }
            switch roles[rule] {
            case .none: return true
            // By the ranges alone: a slice of the values retained and released their storage.
            case .phrases: return !shared.matches.range(of: rule).isEmpty
            case .words, .wordsStartingMatches, .wordsAfterLeads: return !shared.anchors.range(of: rule).isEmpty
            case .gatedScan:
                let wordsFound = !shared.anchors.range(of: rule).isEmpty
                return phraseIndex?.gates[rule]?.opens(wordsFound: wordsFound, in: document.text) ?? true
            }
        }
        // Rules are passed by their place in the ruleset: copying a rule for each scan retained every
        // one of its strings.
        @Sendable func scan(_ place: Int, with scanner: SpanScanner) -> ([Range<Int>], MatchError?) {
            let rule = spanRules[place].index
            let role = shared == nil ? .none : roles[rule]
            return scanner.scan(
                spanRules[place].matcher,
                candidates: role == .phrases ? shared?.matches[rule] : nil,
                anchors: role.searchesNearWords ? shared?.anchors[rule] : nil,
                anchorsStartMatches: role == .wordsStartingMatches,
                spaceRuns: role.searchesNearWords ? phraseIndex?.mostSpaceRuns[rule] : nil,
                leads: role == .wordsAfterLeads ? shared.flatMap { phraseIndex?.leads(of: rule, in: $0) } : nil)
        }
        var results: [([Range<Int>], MatchError?)]
        if onAllCores {
            // One large document: its rules are spread over the cores, each with its own matcher, and
            // the results are joined in rule order, so the output is what one core would give.
            let slots = Slots<([Range<Int>], MatchError?)>(count: active.count, initial: ([], nil))
            DispatchQueue.concurrentPerform(iterations: active.count) { slot in
                let worker = SpanScanner(document: document, matcher: .forCurrentThread(limits: limits))
                slots[slot] = scan(active[slot], with: worker)
            }
            results = slots.values
        } else {
            results = active.map { scan($0, with: scanner) }
        }
        // Each rule's matches are released as they are joined: a large document has many.
        matched.reserveCapacity(results.reduce(0) { $0 + $1.0.count })
        for index in results.indices {
            let rule = spanRules[active[index]].index
            matched += results[index].0.map { SpanMatch(rule: rule, range: $0, in: document) }
            results[index].0 = []
            if let failure = results[index].1 {
                diagnostics.append(SpanScanner.stopped(ruleset.rules[rule], document, failure))
            }
        }
        return (matched, diagnostics)
    }

    /// The rest of the audit once spans are matched: context, suppression, checks and the score.
    /// Findings are built only for the matches that survive quotation, address and overlap checks,
    /// and each later stage works on its array in place: a large document has many matches, and
    /// every copy of an array of findings would hold them all again.
    public func audit(
        _ document: Document, matched: consuming [SpanMatch], diagnostics: [Diagnostic]? = nil
    ) -> DocumentReport {
        var diagnostics = diagnostics ?? document.diagnostics
        let rules = ruleset.rules
        var prose = matched
        prose.removeAll {
            Self.isQuotedSpeech(rules[$0.rule].category, $0.range, in: document)
                || Self.isInsideAddress(rules[$0.rule].signal, $0.range, in: document)
        }
        var findings = Self.removingOverlaps(prose, rules: rules).map { match in
            var finding = Finding(rules[match.rule], match, in: document)
            finding.alsoMatched = match.alsoMatched.map { rules[$0].id }
            return finding
        }
        prose = []
        var suppressor = Suppressor(document: document)
        let suppressedSpans = suppressor.remove(from: &findings)
        var signals = Self.separatingSignals(from: &findings)
        Self.removeReportedHedges(from: &findings, signals: signals, in: document)
        signals += metadataSignals(document)
        let cleanWords = Self.cleanWords(in: document, findings: findings)
        var checks: [Finding] = []
        do {
            let checker = DocumentChecker(document: document, findings: findings, signals: signals)
            for (rule, check) in documentChecks {
                if let finding = checker.evaluate(rule, check) { checks.append(finding) }
            }
        }
        let suppressedChecks = suppressor.remove(from: &checks)
        Self.insertInReadingOrder(checks, into: &findings)
        diagnostics += suppressor.unusedDirectiveWarnings()
        let card = Scorer.score(findings: findings, signals: signals, cleanWords: cleanWords)
        for index in findings.indices { Self.place(&findings[index], in: document) }
        for index in signals.indices { Self.place(&signals[index], in: document) }
        var report = DocumentReport(
            path: document.path, format: document.format, wordCount: document.wordCount, score: card.score,
            grade: card.grade, base: card.base, breakdown: card.breakdown, findings: findings, signals: signals,
            diagnostics: diagnostics, suppressed: suppressedSpans + suppressedChecks)
        report.displayBytes = document.format == .html ? document.text : document.decoded
        return report
    }

    /// Sets where a span finding stands in the text reports display, and its fingerprint.
    static func place(_ finding: inout Finding, in document: Document) {
        if finding.hasProseRange { finding.context = document.context(around: finding.textRange) }
        let sentence = document.sentenceIndex(containing: finding.textRange.lowerBound).map {
            document.text[Self.fingerprintWindow(finding.textRange, in: document.sentences[$0], document.text)]
        }
        let isSpan = finding.scope == .span
        finding.fingerprint = Fingerprint.of(
            ruleId: finding.ruleId, text: isSpan ? document.text[finding.textRange] : [],
            context: isSpan ? sentence ?? [] : [])
        guard finding.scope == .span else { return }
        finding.displayRange =
            document.format == .html ? finding.textRange : document.textMap.sourceRange(for: finding.textRange)
    }

    /// The part of a finding's sentence its fingerprint reads: at most `fingerprintReach` bytes
    /// either side of the flagged words (cut at characters), so a sentence of thousands of findings
    /// (a page with no full stop) is not hashed whole for each, and an edit far away in it leaves
    /// the fingerprint as it was. Ordinary sentences are read whole.
    static let fingerprintReach = 512

    static func fingerprintWindow(_ range: Range<Int>, in sentence: Range<Int>, _ text: [UInt8]) -> Range<Int> {
        var lower = max(sentence.lowerBound, range.lowerBound - fingerprintReach)
        var upper = min(sentence.upperBound, range.upperBound + fingerprintReach)
        while lower > sentence.lowerBound, lower < text.count, text[lower] & 0xC0 == 0x80 { lower -= 1 }
        while upper < sentence.upperBound, upper < text.count, text[upper] & 0xC0 == 0x80 { upper += 1 }
        return lower..<max(lower, upper)
    }

    /// Signals from metadata rules: a front-matter author is a byline, a declared sponsor a disclosure.
    private func metadataSignals(_ document: Document) -> [Finding] {
        guard !document.metadata.isEmpty else { return [] }
        return metadataRules.flatMap { rule, key -> [Finding] in
            // Every link counts (each address once, as every signal's wording does); of the other
            // fields, the first says what there is to say.
            document.metadata.filter { $0.key == key && Self.isAffirmative($0) }.prefix(key == .link ? .max : 1)
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
    static func isQuotedSpeech(_ category: Category, _ range: Range<Int>, in document: Document) -> Bool {
        category.polarity == .negative && category != .disclaimer
            && document.isInsideAttributedQuotation(range)
    }

    /// A hedge in the clause a named source's speech verb introduces ("Inspector Haskins said the
    /// figures were probably an undercount") is the speaker's judgement, reported, not the writer's.
    static func removeReportedHedges(from findings: inout [Finding], signals: [Finding], in document: Document) {
        // Most documents have no hedge at all: their speakers need not be read.
        guard findings.contains(where: { $0.category == .hedging }) else { return }
        let speakers = signals.filter { $0.signal == .namedSource && Self.endsWithSpeechVerb($0.text) }
        guard !speakers.isEmpty else { return }
        findings.removeAll { finding in
            guard finding.category == .hedging, finding.scope == .span,
                let sentence = document.sentenceIndex(containing: finding.textRange.lowerBound)
            else { return false }
            return speakers.contains { speaker in
                speaker.textRange.upperBound <= finding.textRange.lowerBound
                    && document.sentenceIndex(containing: speaker.textRange.lowerBound) == sentence
            }
        }
    }

    private static let speechVerbs: Set<String> = ["said", "says", "told", "added", "believes", "thinks", "estimated"]

    /// Whether the text's last word is a speech verb, read from its end: only the last word's
    /// letters are looked at, not every character of the text.
    static func endsWithSpeechVerb(_ text: String) -> Bool {
        var word: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars.reversed() {
            if scalar.properties.isAlphabetic {
                word.append(scalar)
            } else if !word.isEmpty {
                break
            }
        }
        return speechVerbs.contains(String(String.UnicodeScalarView(word.reversed())).lowercased())
    }

    /// Words inside a web address are not prose: only a link signal may match there.
    static func isInsideAddress(_ signal: Signal?, _ range: Range<Int>, in document: Document) -> Bool {
        signal != .link && document.touchesNonProse(range)
    }

    /// Overlapping findings are one problem: the longest (then the earliest, then the rule first by
    /// id) is kept. Negative findings of every category share one group, so a phrase is penalised
    /// once, by its most specific rule (the one that spans most of it), and the rules it beat are
    /// listed on it (`alsoMatched`); signals are grouped by their category and kind, so a dateline
    /// that holds a wire credit keeps both.
    private static let overlapBucket = 1024
    /// Up to this many matches, each is checked against every one kept (see `removingOverlaps`).
    static let overlapDirectCheckLimit = 64

    /// The group a rule's overlaps are resolved in: one for every negative category, and one for
    /// each category and signal kind of the rest.
    static func overlapGroup(_ rule: Rule) -> Int {
        guard rule.category.polarity != .negative else { return -1 }
        let category = Category.allCases.firstIndex(of: rule.category) ?? 0
        let signal = rule.signal.flatMap { Signal.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        return category * 64 + signal
    }

    static func removingOverlaps(_ findings: [SpanMatch], rules: [Rule]) -> [SpanMatch] {
        // Indexes are sorted rather than the matches themselves: a large document has many.
        func inReadingOrder(_ lhs: Int, _ rhs: Int) -> Bool {
            let (left, right) = (findings[lhs], findings[rhs])
            if left.bytes.lowerBound != right.bytes.lowerBound { return left.bytes.lowerBound < right.bytes.lowerBound }
            if left.bytes.upperBound != right.bytes.upperBound { return left.bytes.upperBound < right.bytes.upperBound }
            return rules[left.rule].id < rules[right.rule].id
        }
        let longestFirst = findings.indices.sorted { lhs, rhs in
            let (left, right) = (findings[lhs].range, findings[rhs].range)
            if left.count != right.count { return left.count > right.count }
            return inReadingOrder(lhs, rhs)
        }
        // Each match's group, worked out once rather than at every comparison.
        let groups = findings.map { overlapGroup(rules[$0.rule]) }
        var keptIndexes: [Int] = []
        /// By place in `keptIndexes`, the rules of the matches each kept one beat.
        var beaten: [[Int]] = []
        func note(_ loser: Int, beatenBy slot: Int) {
            let rule = findings[loser].rule
            if rule != findings[keptIndexes[slot]].rule && !beaten[slot].contains(rule) { beaten[slot].append(rule) }
        }
        // An article's few matches are each checked against those kept so far: filing them by
        // group and place (below) cost more than the checks, in hashing and small arrays.
        if findings.count <= overlapDirectCheckLimit {
            for index in longestFirst {
                let (range, group) = (findings[index].range, groups[index])
                let clash = keptIndexes.firstIndex { kept in
                    groups[kept] == group && findings[kept].range.overlaps(range)
                }
                if let clash {
                    note(index, beatenBy: clash)
                } else {
                    keptIndexes.append(index)
                    beaten.append([])
                }
            }
        } else {
            // Kept ranges per group, filed by where they start, so a check looks only at the ranges
            // that start near the candidate (within the longest kept range before it): inserting into
            // one sorted list instead cost time proportional to the findings already kept.
            var kept: [Int: [Int: [(range: Range<Int>, slot: Int)]]] = [:]
            var longest: [Int: Int] = [:]
            for index in longestFirst {
                let range = findings[index].range
                let group = groups[index]
                let reach = longest[group] ?? 0
                let first = max(0, range.lowerBound - reach) / overlapBucket
                let last = max(range.lowerBound, range.upperBound - 1) / overlapBucket
                var clash: Int?
                for bucket in first...last where clash == nil {
                    clash = kept[group]?[bucket]?.first { $0.range.overlaps(range) }?.slot
                }
                if let clash {
                    note(index, beatenBy: clash)
                    continue
                }
                kept[group, default: [:]][range.lowerBound / overlapBucket, default: []].append(
                    (range, keptIndexes.count))
                longest[group] = max(reach, range.count)
                keptIndexes.append(index)
                beaten.append([])
            }
        }
        return keptIndexes.indices.sorted { inReadingOrder(keptIndexes[$0], keptIndexes[$1]) }.map { slot in
            var match = findings[keptIndexes[slot]]
            match.alsoMatched = beaten[slot].sorted { rules[$0].id < rules[$1].id }
            return match
        }
    }

    /// Takes the signals out of `findings`, both kept in order, in one pass by index: a filter and a
    /// removal each copied every finding to test it, and a copy retains all its strings.
    static func separatingSignals(from findings: inout [Finding]) -> [Finding] {
        var signals: [Finding] = []
        var kept = 0
        for index in findings.indices {
            if findings[index].isSignal {
                signals.append(findings[index])
            } else {
                if kept != index { findings.swapAt(kept, index) }
                kept += 1
            }
        }
        findings.removeSubrange(kept...)
        return signals
    }

    /// Span findings arrive in reading order already (see `removingOverlaps`); the few document
    /// checks are put in their places among them, after any equal to them, as a stable sort of the
    /// whole would, without the sort's copying of every finding.
    static func insertInReadingOrder(_ checks: [Finding], into findings: inout [Finding]) {
        assert(findings.indices.dropFirst().allSatisfy { !readingOrder(findings[$0], findings[$0 - 1]) })
        for check in checks.sorted(by: readingOrder) {
            var low = 0
            var high = findings.count
            while low < high {
                let middle = (low + high) / 2
                // The finding's fields rather than the finding: passing it whole copied it.
                let other = (findings[middle].byteStart, findings[middle].byteEnd, findings[middle].ruleId)
                if inReadingOrder((check.byteStart, check.byteEnd, check.ruleId), other) {
                    high = middle
                } else {
                    low = middle + 1
                }
            }
            findings.insert(check, at: low)
        }
    }

    static func readingOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        inReadingOrder((lhs.byteStart, lhs.byteEnd, lhs.ruleId), (rhs.byteStart, rhs.byteEnd, rhs.ruleId))
    }

    /// By where the finding starts, then ends, then by rule.
    private static func inReadingOrder(_ lhs: (Int, Int, String), _ rhs: (Int, Int, String)) -> Bool {
        if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
        if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
        return lhs.2 < rhs.2
    }

    /// Words in sentences that carry no weighted negative finding.
    static func cleanWords(in document: Document, findings: [Finding]) -> Int {
        var flagged = Set<Int>()
        for index in findings.indices {
            guard findings[index].weight > 0, findings[index].category.polarity == .negative else { continue }
            if let sentence = document.sentenceIndex(containing: findings[index].textRange.lowerBound) {
                flagged.insert(sentence)
            }
        }
        let flaggedWords = flagged.reduce(0) { $0 + WordCounter.count(document.text, in: document.sentences[$1]) }
        return max(0, document.wordCount - flaggedWords)
    }
}

/// One span rule's raw match: the rule (by its place in the ruleset) and where it matched, in the
/// analysed text and in the file. A finding is built only once the match survives the checks.
public struct SpanMatch: Sendable {
    public let rule: Int
    public let range: Range<Int>
    /// Where the match lies in the decoded file, kept for the finding built from it.
    let decoded: Range<Int>
    public let bytes: Range<Int>
    /// The rules whose overlapping matches this one beat (see `Auditor.removingOverlaps`).
    public var alsoMatched: [Int] = []

    init(rule: Int, range: Range<Int>, in document: Document) {
        self.rule = rule
        self.range = range
        (decoded, bytes) = document.locate(range)
    }
}
