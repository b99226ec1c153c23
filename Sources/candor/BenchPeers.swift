import CandorKit
import Foundation
import PCRE2Kit

enum BenchPeers {
    /// One JIT pass of a single trie regex of every phrase in the ruleset over the whole corpus, timed
    /// alternately with Candor end to end on all cores: each pair of runs meets the same load on a
    /// shared machine, and the ratio reported is the median of the pairs' ratios.
    static func reference(files: [String], auditor: Auditor, megabytes: Double, runs: Int) throws {
        let ruleset = auditor.ruleset
        let phrases = ruleset.rules.flatMap { rule -> [String] in
            guard case .span(let span) = rule.kind else { return [] }
            return span.phrases ?? []
        }
        let regex = try Regex(PhraseTrie(phrases: phrases).pattern)
        var text: [UInt8] = []
        for file in files {
            text += [UInt8](FileManager.default.contents(atPath: file) ?? Data())
            text.append(0x0A)
        }
        let decoded = Array(String(decoding: text, as: UTF8.self).utf8)
        let matcher = Matcher()
        let clock = ContinuousClock()
        let (_, seconds, ratio) = BenchMath.alternately(
            runs: runs, { BenchRun.endToEnd(files: files, auditor: auditor, parallel: true) },
            {
                clock.measure {
                    decoded.withUnsafeBufferPointer { buffer in
                        try? matcher.forEachMatch(of: regex, in: buffer) { _ in true }
                    }
                }.seconds
            })
        print(
            String(
                format:
                    "reference: one trie regex of %d phrases, one JIT pass: %.3f s, %.1f MB/s; Candor end to end (all cores, timed alternately) is %.1fx its time",
                phrases.count, seconds, megabytes / seconds, ratio))
    }

    /// proselint 0.16.0 on the same files, installed with pip when missing.
    static func proselint(files: [String], candor: Double) throws {
        if shell("proselint version") != 0 {
            print("installing proselint 0.16.0 with pip …")
            _ = shell("python3 -m pip install -q proselint==0.16.0")
        }
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("candor-bench-files.txt")
        try files.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        var status: Int32 = 0
        // proselint exits 1 when it finds problems (xargs then says 123); anything else means it did not run.
        let seconds = clock.measure {
            status = shell("xargs -a '\(list.path)' -d '\\n' proselint check > /dev/null 2>&1")
        }.seconds
        guard status == 0 || status == 123 else {
            print("proselint 0.16.0: did not run (exit \(status)); no comparison")
            return
        }
        print(
            String(
                format: "proselint 0.16.0: %.2f s for %d files; Candor is %.0fx faster", seconds, files.count,
                seconds / candor))
    }

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
