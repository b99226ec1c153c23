import Testing

@testable import CandorKit

/// A large document has its text read side by side on all cores: the same as reading it in turn.
@Suite struct DocumentAnalysisTests {
    @Test func aLargeTextIsReadAsASmallOneIs() {
        var text = SharedPassTests.manyArticles.joined(separator: "\n\n")
        while text.utf8.count < Document.Analysis.sideBySideFrom {
            text += "\n\n“It may help,” she said, citing https://example.org/a.html today. " + text
        }
        let bytes = Array(text.utf8)
        let document = Document(path: "large.txt", bytes: bytes)
        #expect(document.lines.lineStarts == LineTable(bytes: bytes).lineStarts)
        #expect(document.sentences == SentenceSplitter.split(bytes))
        #expect(document.wordCount == WordCounter.count(bytes))
        #expect(document.attributedQuotations == QuotationFinder.attributedQuotations(in: bytes))
        #expect(document.nonProse == URLFinder.ranges(in: bytes))
        #expect(!document.attributedQuotations.isEmpty && !document.nonProse.isEmpty)
    }
}
