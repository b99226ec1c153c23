import CandorKit
import Testing

/// Phrasings of the classes the rules describe, worded as no rule example is, with neighbours that
/// must pass: named sources, a poll's figures, a sourced sales number.
@Suite struct PhrasingClassTests {
    static let flagged: [(category: String, text: String)] = [
        ("unsourced", "Cybersecurity researchers say the flaw is old."),
        ("unsourced", "Many in the sector think the rules are too loose."),
        ("unsourced", "Sources close to the negotiations said a deal was near."),
        ("unsourced", "The sale is off, according to people briefed on the talks."),
        ("unsourced", "One veteran trader told me the rally is overdone."),
        ("unsourced", "Economists are nervous about the rate rise."),
        ("unsourced", "Reviewers broadly agree the camera is good."),
        ("social-proof", "Developers are piling into the framework."),
        ("social-proof", "Thousands have already moved over from rival apps."),
        ("social-proof", "Hundreds more sign up every week."),
        ("social-proof", "The coin has taken the fintech scene by storm."),
        ("social-proof", "The token is trending on crypto Twitter."),
        ("social-proof", "The second presale round sold out in two days."),
        ("social-proof", "Over 12,000 wallets have joined."),
        ("social-proof", "A well-known YouTube trader featured it."),
        ("puffery", "This is a chance that won't come again."),
        ("puffery", "Only a handful of tokens remain."),
        ("puffery", "Buy in before the next price rise."),
        ("puffery", "Our top pick, 9.4/10, is the Nova X."),
        ("puffery", "The Pulse S2 won our Editor's Choice award."),
        ("puffery", "The lightning-fast checkout takes seconds."),
    ]

    static let passing: [(category: String, text: String)] = [
        ("unsourced", "Researchers at Stanford University say the flaw is old."),
        ("unsourced", "Priya Raman, an economist at Barclays, said she was nervous about the rate rise."),
        ("unsourced", "Forty per cent of the retailers surveyed by the CBI think the rules are loose."),
        ("social-proof", "A YouGov poll of 2,000 adults found that 12% had moved to a rival app."),
        ("social-proof", "The company sold 12,000 units in May, its annual report shows."),
        ("puffery", "The checkout took 1.2 seconds in our test."),
    ]

    @Test(arguments: flagged)
    func flaggedInItsCategory(_ example: (category: String, text: String)) {
        let findings = TestSupport.audit(example.text).findings.filter { $0.scope == .span }
        #expect(findings.contains { $0.stands(for: example.category) }, "\(findings.map(\.ruleLabel))")
    }

    @Test(arguments: passing)
    func neighbourPasses(_ example: (category: String, text: String)) {
        let findings = TestSupport.audit(example.text).findings.filter { $0.scope == .span }
        #expect(!findings.contains { $0.stands(for: example.category) }, "\(findings.map(\.ruleLabel))")
    }
}
