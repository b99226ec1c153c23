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
        var contents: [(String, [UInt8])] = []
        times.read = clock.measure {
            contents = files.map { ($0, [UInt8](FileManager.default.contents(atPath: $0) ?? Data())) }
        }
        var documents: [Document] = []
        times.extract = clock.measure { documents = contents.map { Document(path: $0.0, bytes: $0.1) } }
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
}
