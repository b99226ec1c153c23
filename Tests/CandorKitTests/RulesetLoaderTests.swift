import CandorKit
import CandorTestSupport
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

    /// Blank as trimming white space reads it: spaces, a tab or a no-break space; a line break is not.
    @Test func blankStringsAreRejected() throws {
        for blank in ["' '", "'\t  '", #""\u00A0""#, "''"] {
            let yaml = Self.validRule.replacingOccurrences(of: "message: Sample.", with: "message: \(blank)")
            let result = try TestSupport.loadPack(yaml)
            #expect(result.errors.map(\.message) == ["'message' must be a non-empty string"], "\(blank)")
        }
        let lineBreak = Self.validRule.replacingOccurrences(of: "message: Sample.", with: "message: \"\\n\"")
        #expect(try TestSupport.loadPack(lineBreak).errors.isEmpty)
    }

    /// Files are parsed on all cores, yet their rules and errors come in source, pack and file order.
    @Test func rulesAndErrorsKeepTheirOrderAcrossFiles() throws {
        let root = try Scratch.folder("order")
        var sources: [RulesetLoader.Source] = []
        var expectedIds: [String] = []
        var expectedErrors: [String] = []
        for source in 0..<3 {
            let pack = root.appendingPathComponent("source\(source)/pack")
            try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
            for file in 0..<4 {
                // Even files load; odd ones lack a key and give an error.
                let id = "hedging.s\(source)f\(file)"
                var yaml = Self.validRule.replacingOccurrences(of: "hedging.sample", with: id)
                if file % 2 == 1 {
                    yaml = yaml.replacingOccurrences(of: "    rationale: Because.\n", with: "")
                    expectedErrors.append("source\(source)/pack/r\(file).yml")
                } else {
                    expectedIds.append(id)
                }
                try yaml.write(to: pack.appendingPathComponent("r\(file).yml"), atomically: true, encoding: .utf8)
            }
            sources.append(
                RulesetLoader.Source(directory: root.appendingPathComponent("source\(source)").path, trusted: false))
            sources.append(
                RulesetLoader.Source(directory: root.appendingPathComponent("missing\(source)").path, trusted: false))
            expectedErrors.append(root.lastPathComponent + "/missing\(source)")
        }
        let result = RulesetLoader.load(sources)
        #expect(result.ruleset.rules.map(\.id) == expectedIds)
        let files = result.errors.map { error in
            URL(fileURLWithPath: error.file).pathComponents.suffix(error.file.hasSuffix(".yml") ? 3 : 2)
                .joined(separator: "/")
        }
        #expect(files == expectedErrors)
    }

    /// Numbers are plain scalars and booleans YAML's own words, however few kinds the loader resolves:
    /// a quoted number or boolean is a string and an error.
    @Test func numbersAndBooleansAreReadAsYAMLWritesThem() throws {
        let weights: [(String, Double?)] = [
            ("2", 2), ("2.5", 2.5), ("1e2", 100), ("1_000", 1000), ("+3", 3), ("'2'", nil), ("\"2\"", nil),
            ("two", nil), ("-1", nil), ("~", nil), (".inf", nil),
        ]
        for (written, expected) in weights {
            let yaml = Self.validRule.replacingOccurrences(of: "weight: 2", with: "weight: \(written)")
            let result = try TestSupport.loadPack(yaml)
            #expect(result.ruleset.rules.first?.weight == expected, "weight: \(written)")
            #expect(result.errors.isEmpty == (expected != nil), "weight: \(written)")
        }
        let flags: [(String, Bool?)] = [
            ("true", true), ("yes", true), ("On", true), ("FALSE", false), ("off", false), ("'true'", nil),
            ("\"no\"", nil), ("1", nil), ("maybe", nil),
        ]
        for (written, expected) in flags {
            let yaml = Self.validRule.replacingOccurrences(
                of: "    phrases:", with: "    caseSensitive: \(written)\n    phrases:")
            let result = try TestSupport.loadPack(yaml)
            let errors = result.errors.map(\.message)
            #expect(errors == (expected == nil ? ["'caseSensitive' must be true or false"] : []), "\(written)")
        }
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
