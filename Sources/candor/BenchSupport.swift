import CandorKit
import Foundation

enum BenchMath {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Two measurements taken alternately, `runs` pairs, so that each pair meets the same load on a
    /// shared machine: the median of each, and the median of the pairs' ratios (first ÷ second).
    static func alternately(
        runs: Int, _ first: () -> Double, _ second: () -> Double
    ) -> (first: Double, second: Double, ratio: Double) {
        let pairs = (0..<runs).map { _ in (first(), second()) }
        return (median(pairs.map(\.0)), median(pairs.map(\.1)), median(pairs.map { $0.0 / $0.1 }))
    }

    /// The machine's load averaged over the last minute, or nil where the system does not say.
    /// Other work on the machine slows every figure, the all-core ones most, so the run reports it.
    static func loadAverage() -> Double? {
        var loads = [0.0, 0.0, 0.0]
        return getloadavg(&loads, 3) > 0 ? loads[0] : nil
    }

    /// The process's peak resident memory over the whole run.
    static func peakMemoryMB() -> Double { max(peakBeforePhase, phasePeakMB()) }

    /// The peak since `startPhasePeak()` (or since the run began), from the process's own high-water
    /// mark: getrusage's peak would carry over that of the process that exec'd it (`swift run`
    /// itself, about 120 MB).
    static func phasePeakMB() -> Double {
        if let kibibytes = BenchMemory.highWaterMark(of: "self") { return Double(kibibytes) / 1024 }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Starts measuring one phase's own peak; false where the mark cannot be reset (the phase's
    /// figures are then the run's peak so far).
    static func startPhasePeak() -> Bool {
        peakBeforePhase = peakMemoryMB()
        return BenchMemory.resetHighWaterMark()
    }

    /// The run's peak before the latest phase began (the benchmark's phases run one after another).
    nonisolated(unsafe) private static var peakBeforePhase = 0.0
}

enum BenchRun {
    /// Read, audit and render JSON for every file, as `candor audit --format json` does (through the
    /// same batch auditor, on one core or all); seconds.
    static func endToEnd(files: [String], auditor: Auditor, parallel: Bool) -> Double {
        let clock = ContinuousClock()
        return clock.measure {
            let inputs = files.map { InputCollector.Input.file($0) }
            let outcomes = BatchAuditor(auditor: auditor).audit(inputs, onAllCores: parallel)
            let reports = outcomes.compactMap { outcome -> DocumentReport? in
                if case .report(let report) = outcome { return report }
                return nil
            }
            // Written in pieces and discarded, as `candor audit --format json -o /dev/null` writes it.
            let report = AuditReport(documents: reports, errors: 0)
            try? JSONReporter(onAllCores: parallel).write(report) { _ in }
        }.seconds
    }

    /// Seconds each span rule's own pattern takes over the corpus, slowest first.
    static func perRule(files: [String], ruleset: Ruleset) {
        let documents = StageTimes.documents(of: files)
        let clock = ContinuousClock()
        var times: [(String, Double)] = []
        for rule in ruleset.rules where !rule.isDocumentLevel && !rule.isMetadata {
            let alone = Auditor(ruleset: Ruleset(rules: [rule]), sharedPhrasePass: false)
            times.append(
                (rule.id, clock.measure { for document in documents { _ = alone.matchSpans(document) } }.seconds))
        }
        print("slowest rules (own pattern, whole corpus):")
        for (id, seconds) in times.sorted(by: { $0.1 > $1.1 }).prefix(15) {
            print(String(format: "  %-42@ %.3f s", id, seconds))
        }
        print(String(format: "  all %d span rules: %.3f s", times.count, times.reduce(0) { $0 + $1.1 }))
    }

    /// Streams a generated JSON-lines file through `JSONLStream`, sampling peak memory as it goes.
    static func jsonlMemory(files: [String], auditor: Auditor, megabytes: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("candor-bench.jsonl")
        _ = FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        var written = 0
        var id = 0
        let lines = files.compactMap { file -> Data? in
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                let data = try? JSONSerialization.data(withJSONObject: ["id": 0, "text": text])
            else { return nil }
            return data
        }
        while written < megabytes * 1_000_000 {
            for line in lines {
                id += 1
                handle.write(line)
                handle.write(Data("\n".utf8))
                written += line.count + 1
            }
        }
        try handle.close()
        let reader = try FileHandle(forReadingFrom: path)
        // The stream's own peak, not that of the runs before it.
        let ownPeak = BenchMath.startPhasePeak()
        var seen = 0
        var samples: [String] = []
        let clock = ContinuousClock()
        let seconds = clock.measure {
            _ = JSONLStream(auditor: auditor).run(input: reader) { _ in
                seen += 1
                if seen % max(1, id / 4) == 0 { samples.append(String(format: "%.0f", BenchMath.phasePeakMB())) }
            }
        }.seconds
        try? FileManager.default.removeItem(at: path)
        print(
            String(
                format: "jsonl: %.0f MB, %d lines in %.1f s (%.1f MB/s); peak memory %@at each quarter: %@ MB",
                Double(written) / 1e6, id, seconds, Double(written) / 1e6 / seconds,
                ownPeak ? "of the stream " : "", samples.joined(separator: ", ")))
    }

    /// One ~50 MB file made of the corpus repeated, audited as a single document, and the time
    /// ratio against half of it.
    static func largeFile(files: [String], ruleset: Ruleset, runs: Int) throws {
        var corpus = Data()
        for file in files {
            corpus.append(FileManager.default.contents(atPath: file) ?? Data())
            corpus.append(0x0A)
        }
        var big = Data()
        while big.count < 50_000_000 { big.append(corpus) }
        let half = big.prefix(big.count / 2)
        let clock = ContinuousClock()
        var stopped = Set<String>()
        func time(_ data: Data, _ auditor: Auditor) -> Double {
            clock.measure {
                let report = auditor.audit(Document(path: "large.txt", bytes: [UInt8](data)))
                stopped.formUnion(report.diagnostics.filter { $0.severity == .error }.map(\.message))
            }.seconds
        }
        let allCores = Auditor(ruleset: ruleset)
        let oneCore = Auditor(ruleset: ruleset, parallelRulesThreshold: .max)
        let halfData = Data(half)
        // Each comparison alternates its two sides, and its ratio is the median of the pairs' ratios:
        // on a shared machine, medians taken apart can drift by more than the effect measured.
        let pairs = max(3, runs / 2)
        let (whole, part, linear) = BenchMath.alternately(
            runs: pairs, { time(big, allCores) }, { time(halfData, allCores) })
        let (alone, spread, speedUp) = BenchMath.alternately(
            runs: pairs, { time(big, oneCore) }, { time(big, allCores) })
        let megabytes = Double(big.count) / 1e6
        print(
            String(
                format: "large file: %.1f MB in %.2f s (%.1f MB/s); half of it %.2f s; ratio %.2f (2.00 is linear)",
                megabytes, whole, megabytes / whole, part, linear))
        // The document's own reading (lines, sentences, words) uses all cores in both.
        print(
            String(
                format: "large file, rules and shared pass on 1 core: %.2f s; on %d cores: %.2f s (%.2fx)", alone,
                ProcessInfo.processInfo.activeProcessorCount, spread, speedUp))
        try BenchMemory.reportLargeFileRun(big)
        // A rule stopped by its limits would make the figures look better than a complete audit.
        print(
            "large file: \(stopped.isEmpty ? "complete, no rule stopped" : "INCOMPLETE: " + stopped.sorted().joined(separator: "; "))"
        )
    }
}
