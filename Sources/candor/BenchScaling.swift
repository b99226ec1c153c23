import ArgumentParser
import CandorKit
import Foundation

/// How the cost of an audit grows with the ruleset: a generated pack with as many phrase rules as
/// the built-in ones, each with as many phrases of the same lengths in words, made of real English
/// words so that the phrases share prefixes with the text as real rules do.
enum BenchScaling {
    static func doubledPhraseRules(files: [String], ruleset: Ruleset, builtin: RulesetLoader.Source, runs: Int) throws {
        let phraseRules = ruleset.rules.compactMap { rule -> [String]? in
            guard case .span(let span) = rule.kind, let phrases = span.phrases else { return nil }
            return phrases
        }
        let words = vocabulary()
        var yaml = "rules:\n"
        var next = 0
        for (number, originals) in phraseRules.enumerated() {
            // Each synthetic phrase has as many words as the built-in phrase it stands for.
            let phrases = originals.map { original -> String in
                let length = original.split(separator: " ").count
                return (0..<length).map { _ in
                    next += 1
                    return words[(next * 7919) % words.count]
                }.joined(separator: " ")
            }
            yaml += """
                  - id: hedging.synthetic-\(number)
                    category: hedging
                    severity: info
                    weight: 0
                    message: Synthetic rule for the scaling benchmark.
                    rationale: Measures cost, not language.
                    suggestion: None.
                    phrases: [\(phrases.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", "))]

                """
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("candor-bench-synthetic")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent("synthetic.yml"), atomically: true, encoding: .utf8)
        let loaded = RulesetLoader.load([
            builtin, .init(directory: folder.path, trusted: true),
        ])
        guard loaded.errors.isEmpty else {
            throw ValidationError(
                "synthetic pack: \(loaded.errors.prefix(3).map(\.description).joined(separator: "; "))")
        }
        let single = Auditor(ruleset: ruleset)
        let doubled = Auditor(ruleset: loaded.ruleset)
        // Interleaved runs, so that both sides see the same noise from the rest of the machine; the
        // ratio is the median of the pairs' ratios.
        let (twice, base, ratio) = BenchMath.alternately(
            runs: runs, { BenchRun.endToEnd(files: files, auditor: doubled, parallel: false) },
            { BenchRun.endToEnd(files: files, auditor: single, parallel: false) })
        print(
            String(
                format:
                    "phrase rules doubled (%d + %d synthetic, one core): built-in %.3f s, doubled %.3f s, %.2fx (target at most 1.30x)",
                phraseRules.count, phraseRules.count, base, twice, ratio))
    }

    /// English words from the subjectivity lexicon in ../shared, or generated syllables without it.
    private static func vocabulary() -> [String] {
        let lexicon = "../shared/lexicons/strong_subjectives_riloff2003.txt"
        let words = (FileReader.text(lexicon) ?? "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && $0.allSatisfy { $0.isLetter || $0 == "-" } }
        if words.count > 100 { return words }
        let syllables = ["ka", "lo", "mi", "ren", "sta", "tor", "vel", "quin", "dra", "pe"]
        return (0..<2000).map { syllables[$0 % 10] + syllables[($0 / 10) % 10] + syllables[($0 / 100) % 10] }
    }
}
