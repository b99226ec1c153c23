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

    /// A fingerprint is FNV-1a over the rule, the normalised words and the normalised sentence,
    /// separated by 0x1F, in sixteen hex digits: ASCII text (hashed by its own loop) and other text.
    @Test func aFingerprintHashesTheNormalisedTextAsDefined() {
        func reference(_ ruleId: String, _ text: String, _ context: String) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let bytes =
                Array(ruleId.utf8) + [0x1F] + Array(Fingerprint.normalisedByCharacters(text).utf8) + [0x1F]
                + Array(Fingerprint.normalisedByCharacters(context).utf8)
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return String(hash, radix: 16).leftPadded(to: 16)
        }
        let ascii = ["a", "Z", "q", " ", "  ", "\t", "\r\n", "\n", "9", "-", "said", "SAID", "."]
        var generator = SeededGenerator(seed: 8)
        for palette in [ascii, Self.palette] {
            for _ in 0..<1000 {
                let pieces = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                    palette.randomElement(using: &generator)!
                }
                let text = pieces.prefix(3).joined()
                let context = pieces.joined()
                #expect(
                    Fingerprint.of(ruleId: "rule.id", text: text, context: context)
                        == reference("rule.id", text, context), "\(context.debugDescription)")
            }
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

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
