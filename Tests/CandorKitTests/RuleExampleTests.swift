import CandorKit
import Testing

/// Every built-in rule carries its own proof: flag examples it must catch, pass examples it must not.
@Suite struct RuleExampleTests {
    static let rules = TestSupport.core.ruleset.rules

    @Test func coreRulesetLoadsWithoutErrors() {
        #expect(TestSupport.core.errors.isEmpty, "\(TestSupport.core.errors)")
        #expect(Self.rules.count >= 150)
    }

    @Test func everyCategoryHasRules() {
        for category in Category.allCases {
            #expect(Self.rules.contains { $0.category == category }, "no rules for \(category.rawValue)")
        }
    }

    @Test(arguments: rules.map(\.id))
    func ruleExamplesHold(ruleId: String) throws {
        let rule = try #require(TestSupport.core.ruleset.rule(id: ruleId))
        #expect(rule.examples.flag.count >= 2, "\(ruleId) needs at least 2 flag examples")
        #expect(rule.examples.pass.count >= 2, "\(ruleId) needs at least 2 pass examples")
        let failures = ExampleRunner(ruleset: TestSupport.core.ruleset).check(rule)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func markersGiveTheFlaggedByteRange() {
        let (text, range) = ExampleRunner.parseMarkers("Ünï «may become» x")
        #expect(text == "Ünï may become x")
        #expect(range == 6..<16)
    }
}
