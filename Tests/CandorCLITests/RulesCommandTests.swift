import Testing

@Suite struct RulesCommandTests {
    @Test func listsEveryBuiltinRule() throws {
        let outcome = try CLIRunner.run(["rules", "list"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("unsourced.analysts-expected"))
        let count = outcome.stdout.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[0]) } ?? 0
        #expect(count >= 150)
    }

    @Test func rulesTestPassesForTheBuiltinPacks() throws {
        let outcome = try CLIRunner.run(["rules", "test"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains(" 0 failing"))
    }

    @Test func explainPrintsRationaleAndExamples() throws {
        let outcome = try CLIRunner.run(["explain", "unsourced.analysts-expected"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Rationale:"))
        #expect(outcome.stdout.contains("Words to watch"))
        #expect(outcome.stdout.contains("«Analysts are expected»"))
    }

    @Test func explainScoringDescribesTheModel() throws {
        let outcome = try CLIRunner.run(["explain", "--scoring"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Base: 75"))
        #expect(outcome.stdout.contains("hedging"))
    }

    @Test func explainUnknownRuleExitsTwo() throws {
        let outcome = try CLIRunner.run(["explain", "hedging.no-such-rule"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("unknown rule"))
    }
}
