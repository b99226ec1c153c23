import CandorKit
import Testing

@Suite struct QuotationTests {
    /// The hedging and vague attributions a test article's words would carry if they were the writer's.
    private func flagged(_ text: String) -> [String] {
        TestSupport.audit(text).findings.filter { $0.scope == .span && $0.category.polarity == .negative }
            .map(\.text)
    }

    @Test func singleQuotedSpeechOverSeveralSentencesIsTheSpeakers() {
        let text = """
            'It may be that the figure is higher. Some people say the machines are harmless,' said Ms Cole.
            """
        #expect(flagged(text).isEmpty, "\(flagged(text))")
        #expect(!flagged("It may be that the figure is higher. Some people say the machines are harmless.").isEmpty)
    }

    @Test func curlySingleQuotesCountToo() {
        #expect(flagged("‘It may be that the figure is higher,’ he told the BBC.").isEmpty)
    }

    @Test func apostrophesOpenNoQuotation() {
        // "Voss'", "don't" and "the '90s" must not start a quotation that would hide the hedge after them.
        #expect(!flagged("Voss' lawyers don't agree, and it may be that the fund is gone, he said.").isEmpty)
        #expect(!flagged("In the '90s it may be that prices rose, he said.").isEmpty)
    }

    @Test func aQuotationCitedAsAnExampleIsNotTheWritersClaim() {
        #expect(flagged("Watch for red-flag phrases such as 'guaranteed returns' in adverts.").isEmpty)
        #expect(!flagged("The fund offers guaranteed returns.").isEmpty)
    }
}

@Suite struct ReportedSpeechTests {
    @Test func aHedgeReportedFromANamedSpeakerIsTheSpeakers() {
        let reported = TestSupport.audit(
            "Detective Inspector Will Haskins, who leads the unit, said the figures were probably an undercount.")
        #expect(!reported.findings.contains { $0.category == .hedging }, "\(reported.findings.map(\.ruleId))")
        let writers = TestSupport.audit("The figures were probably an undercount.")
        #expect(writers.findings.contains { $0.category == .hedging })
    }
}
