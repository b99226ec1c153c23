import CandorKit
import Foundation
import Testing

/// Files generated from the rules must match what the rules say now.
@Suite struct GeneratedFilesTests {
    @Test func rulesetCatalogueIsCurrent() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("Rulesets/README.md")
        let committed = try String(contentsOf: path, encoding: .utf8)
        let generated = RulesetDocumentation.markdown(for: TestSupport.core.ruleset)
        #expect(committed == generated, "Rulesets/README.md is stale; run: \(RulesetDocumentation.regenerateCommand)")
    }
}
