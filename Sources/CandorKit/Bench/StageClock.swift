import Foundation

/// Measures the stages of an audit separately, for the benchmark: read, extract, match, score, render.
public struct StageTimes: Sendable {
    public var read: Duration = .zero
    public var extract: Duration = .zero
    public var match: Duration = .zero
    public var score: Duration = .zero
    public var render: Duration = .zero

    public init() {}

    public var total: Duration { read + extract + match + score + render }

    /// One pass over `files`: each stage timed on its own, one document at a time.
    public static func measure(files: [String], auditor: Auditor) -> StageTimes {
        let clock = ContinuousClock()
        var times = StageTimes()
        var contents: [(path: String, bytes: [UInt8])] = []
        times.read = clock.measure { contents = read(files) }
        var documents: [Document] = []
        times.extract = clock.measure { documents = contents.map { Document(path: $0.path, bytes: $0.bytes) } }
        var matched: [[SpanMatch]] = []
        times.match = clock.measure { matched = documents.map { auditor.matchSpans($0).matches } }
        var reports: [DocumentReport] = []
        times.score = clock.measure {
            reports = zip(documents, matched).map { auditor.audit($0.0, matched: $0.1) }
        }
        times.render = clock.measure {
            try? JSONReporter(onAllCores: false).write(AuditReport(documents: reports, errors: 0)) { _ in }
        }
        return times
    }

    /// Each file's bytes (none if it cannot be read).
    static func read(_ files: [String]) -> [(path: String, bytes: [UInt8])] {
        files.map { ($0, [UInt8](FileManager.default.contents(atPath: $0) ?? Data())) }
    }

    /// The files read and extracted, untimed, for measurements of the later stages.
    public static func documents(of files: [String]) -> [Document] {
        read(files).map { Document(path: $0.path, bytes: $0.bytes) }
    }
}

/// How much of the match stage a prefilter could save at best: the stage timed as it runs, and
/// again with each rule run only on the documents where it finds something, as a perfect prefilter
/// that cost nothing would leave it. The rules skipped find nothing, so both give the same matches.
public struct MatchHeadroom: Sendable {
    /// Each run's time, the two taken alternately.
    public let full: [Duration]
    public let bound: [Duration]
    /// Whether every run gave the same matches both ways, as it must.
    public let sameMatches: Bool
    /// Document and span-rule pairs in all, and those where the rule finds something.
    public let pairs: Int
    public let pairsFinding: Int

    public static func measure(files: [String], auditor: Auditor, runs: Int) -> MatchHeadroom {
        let documents = StageTimes.documents(of: files)
        let rules = auditor.ruleset.rules
        let finding = documents.map { document in
            var found = [Bool](repeating: false, count: rules.count)
            for match in auditor.matchSpans(document).matches { found[match.rule] = true }
            return found
        }
        let clock = ContinuousClock()
        var (full, bound): ([Duration], [Duration]) = ([], [])
        var sameMatches = true
        for _ in 0..<max(1, runs) {
            // Kept until both clocks stop, as the stage keeps them: their release is not matching.
            var (asRun, bounded): ([[SpanMatch]], [[SpanMatch]]) = ([], [])
            full.append(clock.measure { asRun = documents.map { auditor.matchSpans($0).matches } })
            bound.append(
                clock.measure {
                    bounded = documents.indices.map {
                        auditor.matchSpans(documents[$0], onlyRules: finding[$0]).matches
                    }
                })
            sameMatches =
                sameMatches
                && asRun.elementsEqual(bounded) { $0.elementsEqual($1) { $0.rule == $1.rule && $0.range == $1.range } }
        }
        return MatchHeadroom(
            full: full, bound: bound, sameMatches: sameMatches, pairs: documents.count * auditor.spanRules.count,
            pairsFinding: finding.reduce(0) { $0 + $1.count(where: \.self) })
    }
}
