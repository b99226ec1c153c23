import CandorKit
import CandorTestSupport
import Foundation
import Testing

/// Paths and shared fixtures for the engine tests.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (see `SharedData`): read in place, never copied.
    static let shared = SharedData.directory

    /// The sample article that ships in the repository.
    static let sampleArticle = SharedData.projectSample

    static let coreRulesetDirectory = repositoryRoot.appendingPathComponent("Rulesets").path

    /// The built-in rules, loaded once for the whole test run.
    static let core: RulesetLoader.Result = RulesetLoader.load([
        RulesetLoader.Source(directory: coreRulesetDirectory, trusted: true)
    ])

    static let auditor = Auditor(ruleset: core.ruleset)

    static func audit(_ text: String, path: String = "test.txt") -> DocumentReport {
        auditor.audit(Document(path: path, bytes: Array(text.utf8)))
    }

    /// One hedging rule of a test pack, its matcher given as a YAML line (`pattern: '...'`, `phrases: [...]`).
    static func ruleYAML(_ id: String, _ matcher: String) -> String {
        """
          - id: hedging.\(id)
            category: hedging
            severity: info
            weight: 1
            message: m
            rationale: r
            suggestion: s
            \(matcher)

        """
    }

    /// Loads a ruleset from YAML text written to a temporary pack folder.
    static func loadPack(_ yaml: String, file: String = "rules.yml", trusted: Bool = false) throws
        -> RulesetLoader.Result
    {
        let folder = try Scratch.folder("loaded").appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return RulesetLoader.load([RulesetLoader.Source(directory: folder.path, trusted: trusted)])
    }
}

/// SplitMix64: randomised tests draw the same inputs on every run, so a failure seen once is seen
/// again (a system generator made one fail only now and then).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite only where `../shared/<relative>` is at hand (see `SharedData.has`).
    static func needsShared(_ relative: String) -> Self {
        .enabled(if: SharedData.has(relative), Comment(rawValue: SharedData.missing(relative)))
    }
}
