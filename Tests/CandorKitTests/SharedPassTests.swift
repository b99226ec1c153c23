import CandorKit
import Foundation
import Testing

/// The shared phrase pass must find exactly what every rule's own pattern finds.
@Suite struct SharedPassTests {
    static let separate = Auditor(ruleset: TestSupport.core.ruleset, sharedPhrasePass: false)

    static let texts: [String] = {
        let folder = TestSupport.shared.appendingPathComponent("corpus/bbc")
        var texts = [ScoringTests.sample]
        for category in ["business", "entertainment", "politics", "sport", "tech"] {
            for index in stride(from: 1, through: 380, by: 19) {
                let file = folder.appendingPathComponent(category).appendingPathComponent(
                    String(format: "%03d.txt", index))
                if let text = try? String(contentsOf: file, encoding: .utf8) { texts.append(text) }
            }
        }
        return texts
    }()

    private func signature(_ report: DocumentReport) -> [String] {
        (report.findings + report.signals).map { "\($0.ruleId)@\($0.byteStart)-\($0.byteEnd)" }
    }

    @Test func sharedAndSeparatePassesAgree() {
        #expect(Self.texts.count > 90)
        for text in Self.texts {
            let document = Document(path: "a.txt", bytes: Array(text.utf8))
            #expect(signature(TestSupport.auditor.audit(document)) == signature(Self.separate.audit(document)))
        }
    }

    @Test func ruleExamplesAgreeToo() {
        for rule in TestSupport.core.ruleset.rules {
            for example in rule.examples.flag + rule.examples.pass {
                let text = ExampleRunner.parseMarkers(example).0
                let document = Document(path: "example", bytes: Array(text.utf8))
                #expect(
                    signature(TestSupport.auditor.audit(document)) == signature(Self.separate.audit(document)),
                    "\(rule.id): \(example)")
            }
        }
    }
}
