import CandorKit
import CandorTestSupport
import Foundation
import Testing

/// The first customer: the real sponsored-style article must come out low, for the right reasons.
@Suite(.needsShared("samples")) struct SampleArticleTests {
    static let bytes = [UInt8]((try? Data(contentsOf: SharedData.hokanewsSample)) ?? Data())
    static let report = TestSupport.auditor.audit(Document(path: "sample.txt", bytes: bytes))

    static let expected: [(phrase: String, category: Category)] = [
        ("Analysts are expected", .unsourced),
        ("gained traction", .socialProof),
        ("acknowledged by a prominent account on X", .socialProof),
        ("drawing growing international attention", .socialProof),
        ("may therefore become", .hedging),
        ("could become decisive", .hedging),
        ("not financial advice", .disclaimer),
    ]

    @Test func scoresLow() {
        #expect(!Self.bytes.isEmpty)
        #expect(Self.report.score <= 45)
    }

    @Test(arguments: expected.map(\.phrase))
    func flagsWhatAnEditorWouldCircle(phrase: String) throws {
        let category = try #require(Self.expected.first { $0.phrase == phrase }).category
        let needle = Array(phrase.utf8)
        let start = try #require(Self.bytes.indices.first { Self.bytes[$0...].starts(with: needle) })
        let range = start..<(start + needle.count)
        let covering = Self.report.findings.filter {
            $0.category == category && $0.byteStart <= range.lowerBound && $0.byteEnd >= range.upperBound
        }
        #expect(!covering.isEmpty, "no \(category.rawValue) finding covers '\(phrase)'")
    }

    @Test func everyFindingTextIsTheFileBytesAtItsOffsets() {
        for finding in Self.report.findings + Self.report.signals {
            let slice = Array(Self.bytes[finding.byteStart..<finding.byteEnd])
            #expect(Array(finding.text.utf8) == slice, "\(finding.ruleId) at \(finding.byteStart)")
        }
    }

    @Test func documentLevelChecksExplainTheMissingEvidence() {
        let ids = Set(Self.report.findings.filter { $0.scope == .document }.map(\.ruleId))
        #expect(ids.contains("transparency.no-named-source"))
        #expect(ids.contains("sponsorship.missing-disclosure"))
        #expect(!ids.contains("transparency.missing-byline"), "the sample has a byline: Writer @Ethan")
    }
}

/// The sample that ships in the repository (`Examples/sample-article.txt`, the README's first
/// command) must come out low, with a finding of every kind of language it was written with.
@Suite struct ProjectSampleTests {
    static let report = TestSupport.auditor.audit(
        Document(path: "sample.txt", bytes: [UInt8]((try? Data(contentsOf: TestSupport.sampleArticle)) ?? Data())))

    @Test func scoresLowWithEveryKindOfProblem() {
        #expect(Self.report.score <= 45)
        let categories = Set(Self.report.findings.map(\.category))
        for category in [Category.hedging, .unsourced, .socialProof, .puffery, .disclaimer, .sponsorship] {
            #expect(categories.contains(category), "no \(category.rawValue) finding")
        }
        #expect(Self.report.findings.contains { $0.ruleId == "sponsorship.missing-disclosure" })
    }
}
