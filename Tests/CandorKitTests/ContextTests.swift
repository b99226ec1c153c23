import CandorKit
import Testing

/// Context decides: the same words are or are not a problem depending on where they stand.
@Suite struct ContextTests {
    private func ruleIds(_ text: String) -> [String] {
        let report = TestSupport.audit(text)
        return (report.findings + report.signals).filter { $0.scope == .span }.map(\.ruleId)
    }

    @Test func wordsInsideWebAddressesAreNotProse() {
        let ids = ruleIds("Read https://example.com/may-become/sponsored-content/experts-say today.")
        #expect(ids == ["transparency.link"])
    }

    @Test func hedgeInAQuotationAttributedToASpeakerIsTheSpeakers() {
        #expect(
            !ruleIds("\"Prices may well rise,\" said Ms Jones, chief economist at Ipsos.").contains {
                $0.hasPrefix("hedging.")
            })
        #expect(
            !ruleIds("“Experts say the market will grow,” Jane Doe told the BBC.").contains {
                $0.hasPrefix("unsourced.")
            })
    }

    @Test func hedgeInTheWritersVoiceIsFlaggedEvenNextToAQuotation() {
        let ids = ruleIds("Prices may well rise. \"We are ready,\" said Ms Jones.")
        #expect(ids.contains("hedging.may-well"))
    }

    @Test func scareQuotesWithoutASpeakerAreStillTheWriters() {
        #expect(ruleIds("The coin is \"the next big thing\" for savers.").contains("social-proof.bandwagon-trend"))
    }

    @Test func namesAndMonthsAreNotHedges() {
        let ids = ruleIds("Hope Hicks and Will Smith met in May. The chip launches on 4 May.")
        #expect(!ids.contains { $0.hasPrefix("hedging.") })
    }

    @Test func stateSponsoredIsNotADisclosure() {
        let report = TestSupport.audit("State-sponsored hackers broke in, officials said.")
        #expect(!report.signals.contains { $0.ruleId.hasPrefix("sponsorship.") })
    }

    @Test func namedAnalystsAreNotVagueAttribution() {
        #expect(
            !ruleIds("Analysts at Brantmoor Securities expect growth of 4%.").contains { $0.hasPrefix("unsourced.") })
        #expect(ruleIds("Analysts are expected to keep watching.").contains("unsourced.analysts-expected"))
    }
}
