import Testing

@testable import CandorKit

/// Fingerprints must not change with how the text is normalised: scalar by scalar where that is
/// exact, by characters where white space could join a grapheme cluster.
@Suite struct FingerprintTests {
    static let palette: [String] = [
        "a", "Z", "Q", " ", "  ", "\t", "\r\n", "\n", "\u{00A0}", "\u{0301}", "\u{200D}", "\u{0600}", "é", "É", "İ",
        "ß", "Σ", "ΟΔΟΣ", "’", "“", "”", "—", "👍🏽", "\u{0E33}", "\u{FF9E}", "ﬁ", "Ǆ", "ǅ", "9", "£", "\u{2028}",
    ]

    @Test func normalisingByScalarsGivesWhatCharactersGive() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Self.palette.randomElement(using: &generator)!
            }.joined()
            #expect(Fingerprint.normalise(text) == Fingerprint.normalisedByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func aFingerprintIsTheSameBeforeAndAfterNormalising() {
        for (text, context) in [
            ("Jane  SAID", "Then\tJane  SAID it."), ("Ünïcode’s  ΣΟΦΙΑ", "“Ünïcode’s  ΣΟΦΙΑ” — said\u{00A0}she."),
            ("e\u{0301} x", " e\u{0301} \u{0301}x "),
        ] {
            let normalised = (Fingerprint.normalisedByCharacters(text), Fingerprint.normalisedByCharacters(context))
            #expect(
                Fingerprint.of(ruleId: "r", text: text, context: context)
                    == Fingerprint.of(ruleId: "r", text: normalised.0, context: normalised.1))
        }
        #expect(Fingerprint.normalise("Ünïcode’s  ΣΟΦΙΑ") == "ünïcode’s σοφια")
    }
}
