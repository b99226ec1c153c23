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

/// The rules compiled into the binary must be the rule files as they are now.
@Suite struct EmbeddedRulesetTests {
    @Test func embeddedFilesAreTheRuleFiles() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Rulesets/core")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
        let onDisk = try Dictionary(
            uniqueKeysWithValues: names.map {
                ("core/" + $0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
            })
        let embedded = Dictionary(uniqueKeysWithValues: BuiltinRulesets.embeddedFiles.map { ($0.path, $0.text) })
        #expect(
            embedded == onDisk,
            "Sources/CandorKit/Rules/EmbeddedRulesets.swift is stale; run: bash Scripts/embed-rulesets.sh")
    }

    @Test func embeddedRulesLoadAsTheFolderDoes() {
        let embedded = RulesetLoader.load([BuiltinRulesets.source(environment: [:])])
        #expect(embedded.errors.isEmpty)
        #expect(embedded.ruleset.rules.map(\.id) == TestSupport.core.ruleset.rules.map(\.id))
        #expect(embedded.ruleset.rules.first?.file.hasPrefix("Rulesets/core/") == true)
        #expect(embedded.ruleset.vocabulary.classes.count == TestSupport.core.ruleset.vocabulary.classes.count)
    }
}
