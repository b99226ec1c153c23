import CandorTestSupport
import Foundation
import Testing

/// Rulesets users write themselves: every mistake is located, nothing hangs or crashes.
@Suite struct RulesetMatrixTests {
    private func pack(_ yaml: String) throws -> String {
        let folder = try Scratch.folder("pack").appendingPathComponent("user")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    private func rule(_ body: String) -> String {
        """
        rules:
          - id: puffery.user-rule
            category: puffery
            severity: warning
            weight: 1
            message: m
            rationale: r
            suggestion: s
        \(body)
        """
    }

    @Test func aRuleWhoseExampleFailsIsNamedByRulesTest() throws {
        let folder = try pack(
            rule(
                "    phrases: ['shiny']\n    examples:\n      flag: ['A «dull» thing.']\n      pass: ['A shiny thing.']"
            ))
        let outcome = try CLIRunner.run(["rules", "test", "--ruleset", folder])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("puffery.user-rule: flag example not flagged"))
        #expect(outcome.stdout.contains("A «dull» thing."))
        #expect(outcome.stdout.contains("puffery.user-rule: pass example flagged «shiny»"))
    }

    @Test func aHundredThousandPhrasesLoadOrFailCleanly() throws {
        let phrases = (0..<100_000).map { "'phrase\($0)'" }.joined(separator: ", ")
        let folder = try pack(rule("    phrases: [\(phrases)]"))
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--ruleset", folder, "--format", "json"])
        #expect([0, 2].contains(outcome.status))
        if outcome.status == 2 { #expect(outcome.stderr.contains("rules.yml:")) }
        #expect(outcome.stdout.contains("\"documents\""))
    }

    @Test func lintWarnsAboutCatastrophicShapesAndPassesTheBuiltinRules() throws {
        let builtin = try CLIRunner.run(["rules", "lint"])
        #expect(builtin.status == 0, "\(builtin.stdout)")
        let folder = try pack(rule("    pattern: '(a+)+$|(a|aa)*c|(.*a){20}'"))
        let outcome = try CLIRunner.run(["rules", "lint", "--ruleset", folder])
        #expect(outcome.status == 1)
        for shape in ["(a+)+", "(a|aa)*", "(.*a){20}"] { #expect(outcome.stdout.contains(shape)) }
    }

    @Test(arguments: ["(a+)+$", "(a|aa)*c", "(.*a){20}"])
    func catastrophicPatternsBecomeDiagnostics(pattern: String) throws {
        let folder = try pack(rule("    pattern: '\(pattern)'"))
        let subject =
            pattern == "(.*a){20}"
            ? String(repeating: "a", count: 19) + String(repeating: "b", count: 100_000)
            : String(repeating: "a", count: 100_000) + (pattern == "(a|aa)*c" ? "bc" : "b")
        let file = try CLIRunner.temporaryFile(subject + "\nExperts say so.\n")
        let outcome = try CLIRunner.run(["audit", file, "--ruleset", folder, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("rule puffery.user-rule stopped"))
        #expect(outcome.stdout.contains("unsourced.experts-say"))
    }
}
