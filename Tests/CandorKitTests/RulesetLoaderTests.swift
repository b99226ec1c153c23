import CandorKit
import Foundation
import Testing

@Suite struct RulesetLoaderTests {
    static let validRule = """
        rules:
          - id: hedging.sample
            category: hedging
            severity: warning
            weight: 2
            message: Sample.
            rationale: Because.
            suggestion: Fix it.
            phrases: ['may become']
            examples:
              flag: ['It «may become» big.', 'Things «may become» odd.']
              pass: ['It became big.', 'It is big.']
        """

    @Test func validRuleLoads() throws {
        let result = try TestSupport.loadPack(Self.validRule)
        #expect(result.errors.isEmpty)
        #expect(result.ruleset.rules.map(\.id) == ["hedging.sample"])
        #expect(result.ruleset.rules.first?.pack == "pack")
    }

    @Test func invalidRegexNamesFileLineAndPCRE2Message() throws {
        let yaml = Self.validRule.replacingOccurrences(of: "phrases: ['may become']", with: #"pattern: '\bfoo(?=\b'"#)
        let result = try TestSupport.loadPack(yaml, file: "broken.yml")
        let error = try #require(result.errors.first)
        #expect(error.file.hasSuffix("pack/broken.yml"))
        #expect(error.line == 9)
        #expect(error.message.contains("missing closing parenthesis at offset 10"))
        #expect(result.ruleset.rules.isEmpty)
    }

    @Test func unknownKeyIsAnErrorAtItsLine() throws {
        let yaml = Self.validRule.replacingOccurrences(of: "    weight: 2", with: "    weight: 2\n    wieght: 3")
        let result = try TestSupport.loadPack(yaml)
        let error = try #require(result.errors.first)
        #expect(error.message.contains("unknown key 'wieght'"))
        #expect(error.line == 6)
        #expect(error.column == 5)
    }

    @Test func missingKeyIsAnError() throws {
        let yaml = Self.validRule.replacingOccurrences(of: "    rationale: Because.\n", with: "")
        let result = try TestSupport.loadPack(yaml)
        #expect(result.errors.contains { $0.message == "missing required key 'rationale'" })
    }

    @Test func duplicateIdsAreRejected() throws {
        let body = Self.validRule.replacingOccurrences(of: "rules:\n", with: "")
        let result = try TestSupport.loadPack("rules:\n" + body + "\n" + body)
        #expect(result.ruleset.rules.count == 1)
        #expect(result.errors.contains { $0.message.contains("duplicate rule id 'hedging.sample'") })
    }

    @Test func duplicateIdAcrossPacksIsRejected() throws {
        let core = TestSupport.core.ruleset.rules[0]
        let yaml = Self.validRule.replacingOccurrences(of: "hedging.sample", with: core.id)
            .replacingOccurrences(of: "category: hedging", with: "category: \(core.category.rawValue)")
        let pack = try TestSupport.loadPack(yaml)
        #expect(pack.errors.isEmpty)
        let both = RulesetLoader.load([
            RulesetLoader.Source(directory: TestSupport.coreRulesetDirectory, trusted: true),
            RulesetLoader.Source(
                directory: (pack.ruleset.rules[0].file as NSString).deletingLastPathComponent, trusted: false),
        ])
        #expect(both.errors.contains { $0.message.contains("duplicate rule id '\(core.id)'") })
    }

    @Test func invalidYAMLIsLocated() throws {
        let result = try TestSupport.loadPack("rules:\n  - id: [unclosed\n")
        let error = try #require(result.errors.first)
        #expect(error.message.hasPrefix("invalid YAML"))
        #expect(error.line >= 2)
    }

    @Test func idMustStartWithItsCategory() throws {
        let yaml = Self.validRule.replacingOccurrences(of: "id: hedging.sample", with: "id: puffery.sample")
        let result = try TestSupport.loadPack(yaml)
        #expect(result.errors.contains { $0.message.contains("must be 'hedging.' followed by a kebab-case name") })
    }

    @Test func emptyPhraseIsAnError() throws {
        let yaml = Self.validRule.replacingOccurrences(
            of: "phrases: ['may become']", with: "phrases: ['may become', ' ']")
        let result = try TestSupport.loadPack(yaml)
        #expect(result.errors.contains { $0.message == "empty phrase" })
    }

    @Test func patternAndPhrasesTogetherAreAnError() throws {
        let yaml = Self.validRule.replacingOccurrences(
            of: "phrases: ['may become']", with: "phrases: ['may become']\n    pattern: 'x'")
        let result = try TestSupport.loadPack(yaml)
        #expect(result.errors.contains { $0.message.contains("takes only one of") })
    }

    @Test func unknownCheckIsAnError() throws {
        let yaml = Self.validRule.replacingOccurrences(of: "phrases: ['may become']", with: "check: no-such-check")
        let result = try TestSupport.loadPack(yaml)
        #expect(result.errors.contains { $0.message.contains("unknown check 'no-such-check'") })
    }
}
