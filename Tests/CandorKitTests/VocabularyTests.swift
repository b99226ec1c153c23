import CandorTestSupport
import Foundation
import Testing

@testable import CandorKit

@Suite struct VocabularyTests {
    static let vocabulary = """
        classes:
          - name: crowd
            words: [experts, people familiar with]
          - name: verb
            words: [say, said]

        """

    /// A pack of one vocabulary file and one rule file, loaded together with any other packs given.
    static func load(rule matcher: String, vocabulary: String = vocabulary, alongside others: [String] = [])
        throws -> RulesetLoader.Result
    {
        let folder = try Scratch.folder("vocabulary").appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try vocabulary.write(to: folder.appendingPathComponent("vocabulary.yml"), atomically: true, encoding: .utf8)
        let rules = "rules:\n" + TestSupport.ruleYAML("classy", matcher)
        try rules.write(to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        return RulesetLoader.load(
            [RulesetLoader.Source(directory: folder.path, trusted: false)]
                + others.map { RulesetLoader.Source(directory: $0, trusted: false) })
    }

    static func matches(_ result: RulesetLoader.Result, _ text: String) -> [String] {
        Auditor(ruleset: result.ruleset).audit(Document(path: "t.txt", bytes: Array(text.utf8))).findings
            .filter { $0.scope == .span }.map(\.text)
    }

    @Test func aClassInAPatternMatchesEachOfItsWords() throws {
        let result = try Self.load(rule: #"pattern: '\b{crowd}\s+{verb}\b'"#)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(Self.matches(result, "Experts said so.") == ["Experts said"])
        #expect(Self.matches(result, "People  familiar with say so.") == ["People  familiar with say"])
        #expect(Self.matches(result, "Experts argued so.").isEmpty)
    }

    @Test func countedRepetitionsAndEscapedBracesAreNotClasses() throws {
        let result = try Self.load(rule: #"pattern: '\b{verb}\s+x{2}\{verb\}'"#)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(Self.matches(result, "say xx{verb} now") == ["say xx{verb}"])
    }

    @Test func aClassInAPhraseListExpandsIntoPhrasesAndMayBeOptional() throws {
        let result = try Self.load(rule: "phrases: ['{crowd} {verb}?']")
        #expect(result.errors.isEmpty, "\(result.errors)")
        guard case .span(let matcher) = result.ruleset.rules.first?.kind else {
            Issue.record("no span rule loaded")
            return
        }
        #expect(
            Set(matcher.phrases ?? []) == [
                "experts say", "experts said", "experts", "people familiar with say", "people familiar with said",
                "people familiar with",
            ])
        #expect(matcher.wordClasses.map(\.name) == ["crowd", "verb"])
        #expect(Self.matches(result, "The experts said no.") == ["experts said"])
    }

    @Test func anUnknownClassIsALocatedError() throws {
        let result = try Self.load(rule: #"pattern: '\b{crowds}\b'"#)
        #expect(result.ruleset.rules.isEmpty)
        let error = try #require(result.errors.first)
        #expect(error.message.contains("unknown word class '{crowds}'"))
        #expect(error.message.contains("crowd, verb"))
        #expect(error.file.hasSuffix("rules.yml") && error.line > 1)
    }

    @Test func aLaterPackExtendsAClassForEveryRuleThatUsesIt() throws {
        let other = try Scratch.folder("vocabulary-extension").appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "classes:\n  - extends: crowd\n    words: [pundits]\n".write(
            to: other.appendingPathComponent("vocabulary.yml"), atomically: true, encoding: .utf8)
        let result = try Self.load(rule: #"pattern: '\b{crowd}\s+{verb}\b'"#, alongside: [other.path])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(Self.matches(result, "Pundits say so.") == ["Pundits say"])
    }

    @Test func aClassIsDefinedOnceAndExtendedOnlyWhenKnown() throws {
        let twice = Self.vocabulary + "  - name: crowd\n    words: [mobs]\n  - extends: nothing\n    words: [x]\n"
        let result = try Self.load(rule: #"pattern: '\b{crowd}\b'"#, vocabulary: twice)
        let messages = result.errors.map(\.message)
        #expect(messages.contains { $0.contains("'crowd' is already defined") })
        #expect(messages.contains { $0.contains("unknown word class 'nothing'") })
    }

    @Test func invalidVocabularyYAMLIsLocatedAsInARuleFile() throws {
        let broken = "classes:\n  - name: crowd\n    words: [experts, analysts\n"
        let result = try Self.load(rule: #"pattern: '\bnothing\b'"#, vocabulary: broken)
        let error = try #require(result.errors.first { $0.file.hasSuffix("vocabulary.yml") })
        #expect(error.message.hasPrefix("invalid YAML"))
        #expect(error.line > 1, "\(error)")
    }

    @Test func aPhraseListThatExpandsTooFarIsAnError() throws {
        let words = (0..<200).map { "w\($0)" }.joined(separator: ", ")
        let big = "classes:\n  - name: many\n    words: [\(words)]\n"
        let result = try Self.load(rule: "phrases: ['{many} {many} {many}']", vocabulary: big)
        #expect(result.errors.contains { $0.message.contains("expands to more than") })
    }

    @Test func theCoreRulesUseTheCoreClasses() {
        let classy = TestSupport.core.ruleset.rules.filter { rule in
            if case .span(let matcher) = rule.kind { return !matcher.wordClasses.isEmpty }
            return false
        }
        #expect(classy.count >= 10)
        #expect(TestSupport.core.errors.isEmpty)
    }
}

@Suite struct OnePhraseOneFindingTests {
    @Test func aPhraseMatchedInSeveralCategoriesIsOneFindingListingTheOthers() throws {
        let report = TestSupport.audit("The widely acclaimed app is popular.")
        let covering = report.findings.filter { $0.scope == .span && $0.text.contains("acclaimed") }
        #expect(covering.count == 1, "\(covering.map(\.ruleId))")
        let finding = try #require(covering.first)
        #expect(!finding.alsoMatched.isEmpty)
        #expect(!finding.alsoMatched.contains(finding.ruleId))
        #expect(finding.ruleLabel.contains("(also "))
    }

    @Test func theJSONReportListsTheRulesAlsoMatched() throws {
        let report = TestSupport.audit("The widely acclaimed app is popular.")
        let json = String(decoding: JSONReportWriter.render(AuditReport(documents: [report], errors: 0)), as: UTF8.self)
        #expect(json.contains("\"alsoMatched\" : ["))
    }
}

@Suite struct SignalKindTests {
    @Test func aPublicationDateAnswersTheNoDateCheck() {
        let report = TestSupport.audit("By Ana Ruiz | 4 March 2026\n\nThe council met on Tuesday and agreed a budget.")
        #expect(report.signals.contains { $0.signal == .publicationDate })
        #expect(!report.findings.contains { $0.ruleId == "transparency.no-date" })
        let undated = TestSupport.audit("By Ana Ruiz\n\nThe council met on Tuesday and agreed a budget.")
        #expect(undated.findings.contains { $0.ruleId == "transparency.no-date" })
    }

    @Test func aWireCreditDisclosesAPressRelease() {
        let promotion = String(
            repeating: "The revolutionary, game-changing platform is the best ever and a must-have. ", count: 6)
        let credited = TestSupport.audit("ZURICH, Feb. 17, 2026 /PRNewswire/ -- Acme launched a tool.\n\n" + promotion)
        #expect(credited.signals.contains { $0.signal == .wireCredit })
        #expect(!credited.findings.contains { $0.ruleId == "sponsorship.missing-disclosure" })
        let uncredited = TestSupport.audit("ZURICH, Feb. 17, 2026 -- Acme launched a tool.\n\n" + promotion)
        #expect(uncredited.findings.contains { $0.ruleId == "sponsorship.missing-disclosure" })
    }

    @Test func aCitedDocumentIsASignalOfItsOwnKind() {
        let report = TestSupport.audit("According to the indictment, the money moved in May.")
        #expect(report.signals.contains { $0.signal == .citedDocument })
    }
}

@Suite struct CommercialEvidenceTests {
    static let praise = String(
        repeating: "The revolutionary, game-changing console is phenomenal and seamless. ", count: 5)

    @Test func praiseAloneIsNotUndisclosedPromotion() {
        let report = TestSupport.audit(Self.praise)
        #expect(!report.findings.contains { $0.ruleId == "sponsorship.missing-disclosure" })
    }

    @Test func praiseThatAlsoSellsIs() {
        let report = TestSupport.audit(Self.praise + "Buy in before the next price rise.")
        #expect(report.findings.contains { $0.ruleId == "sponsorship.missing-disclosure" })
    }

    @Test func anUnknownCommercialNameIsAnError() throws {
        let yaml = """
            rules:
              - id: sponsorship.undisclosed
                category: sponsorship
                severity: error
                weight: 10
                check: missing-disclosure
                commercial: [puffery, puffery.no-such-rule]
                message: m
                rationale: r
                suggestion: s

            """
        let result = try TestSupport.loadPack(yaml)
        #expect(result.errors.contains { $0.message.contains("'puffery.no-such-rule'") })
        #expect(!result.errors.contains { $0.message.contains("'puffery'") })
    }
}
