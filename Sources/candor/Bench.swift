import ArgumentParser
import CandorKit
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput on a corpus (build with -c release): stages, cores, scaling, peers.")

    @Option(help: "The corpus folder.")
    var corpus = "../shared/corpus/bbc"

    @Option(help: "Runs per measurement; medians are reported.")
    var runs = 5

    @Flag(help: "Also time proselint 0.16.0 on the same files (installed with pip when missing).")
    var vsProselint = false

    @Flag(help: "Also time one JIT pass of a single trie regex of every phrase, the matching floor.")
    var reference = false

    @Flag(help: "Also audit one large file made from the corpus (50 MB) and check scaling.")
    var large = false

    @Flag(help: "Also time the corpus with the phrase rules doubled by a generated pack (scaling check).")
    var scaling = false

    @Flag(help: "Also list the rules whose own patterns take longest over the corpus.")
    var perRule = false

    @Flag(
        help:
            "Also time matching with each rule run only where it finds something: what a prefilter could save at most.")
    var headroom = false

    @Flag(help: "Also time hostile shapes of text at two sizes (doubled input must cost at most 2.3x).")
    var shapes = false

    @Option(help: "Also stream N megabytes of JSON lines through --jsonl and report memory as it goes.")
    var jsonlMegabytes = 0

    func run() throws {
        let builtin = BuiltinRulesets.source()
        let loadAtStart = BenchMath.loadAverage()
        let ruleset = RulesetLoader.load([builtin]).ruleset
        let auditor = Auditor(ruleset: ruleset)
        // What every run of `candor audit` pays before its first document, however small.
        let startUp = BenchMath.median(
            (0..<runs).map { _ in
                ContinuousClock().measure {
                    _ = Auditor(ruleset: RulesetLoader.load([builtin]).ruleset)
                }.seconds
            })
        let files = InputCollector.collect([corpus]).inputs.compactMap(\.path)
        let bytes = files.reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
        }
        let megabytes = Double(bytes) / 1_000_000
        print(
            "corpus: \(files.count) files, \(String(format: "%.2f", megabytes)) MB, \(ruleset.rules.count) rules, \(runs) runs each"
        )
        if let loadAtStart { print(String(format: "machine load (1-minute average) at the start: %.2f", loadAtStart)) }
        print(
            String(
                format: "start-up (load and compile the rules, build the shared pass; JIT on first match): %.3f s",
                startUp))
        let stages = (0..<runs).map { _ in StageTimes.measure(files: files, auditor: auditor) }
        print("stages (one core, medians):")
        for (name, pick) in [
            ("read", \StageTimes.read), ("extract", \.extract), ("match", \.match), ("score", \.score),
            ("render", \.render),
        ] as [(String, KeyPath<StageTimes, Duration>)] {
            let seconds = BenchMath.median(stages.map { $0[keyPath: pick].seconds })
            print(
                "  \(name.padding(8)) \(String(format: "%8.3f s", seconds))  \(String(format: "%8.1f MB/s", megabytes / seconds))"
            )
        }
        // One core and all cores alternately; the speed-up is the median of the pairs' ratios.
        let (one, all, speedUp) = BenchMath.alternately(
            runs: runs, { BenchRun.endToEnd(files: files, auditor: auditor, parallel: false) },
            { BenchRun.endToEnd(files: files, auditor: auditor, parallel: true) })
        print(
            String(
                format: "end to end, 1 core:  %.3f s  %.1f MB/s  %.0f docs/s", one, megabytes / one,
                Double(files.count) / one))
        print(
            String(
                format: "end to end, %d cores: %.3f s  %.1f MB/s  %.0f docs/s  (%.2fx)",
                ProcessInfo.processInfo.activeProcessorCount, all, megabytes / all, Double(files.count) / all, speedUp
            ))
        if headroom {
            BenchRun.headroom(
                files: files, auditor: auditor, runs: runs, megabytes: megabytes, allCores: all, speedUp: speedUp)
        }
        if perRule { BenchRun.perRule(files: files, ruleset: ruleset) }
        if reference {
            try BenchPeers.reference(files: files, auditor: auditor, megabytes: megabytes, runs: runs)
        }
        if vsProselint { try BenchPeers.proselint(files: files, candor: all) }
        if jsonlMegabytes > 0 { try BenchRun.jsonlMemory(files: files, auditor: auditor, megabytes: jsonlMegabytes) }
        if scaling {
            try BenchScaling.doubledPhraseRules(files: files, ruleset: ruleset, builtin: builtin, runs: runs)
        }
        if large { try BenchRun.largeFile(files: files, ruleset: ruleset, runs: runs) }
        let shapesWithin = shapes ? BenchShapes.run(auditor: auditor, runs: runs) : true
        print(String(format: "peak memory: %.1f MB", BenchMath.peakMemoryMB()))
        // The run itself keeps one core or more busy, so only a load well above that means others.
        if let load = BenchMath.loadAverage() {
            print(String(format: "machine load (1-minute average) at the end: %.2f, this run included", load))
        }
        if !shapesWithin { throw ExitCode(ExitStatus.gateFailed.rawValue) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
