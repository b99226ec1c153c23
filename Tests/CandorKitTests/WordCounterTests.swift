import Testing

@testable import CandorKit

/// Words counted eight bytes at a time must be the words counted byte by byte.
@Suite struct WordCounterTests {
    @Test func wordsAreCountedAsEditorsCountThem() {
        #expect(WordCounter.count(Array("China’s open-source AI, in 2025: 3 models!".utf8)) == 7)
        #expect(WordCounter.count(Array("  -- 'quoted' words -- ".utf8)) == 2)
        #expect(WordCounter.count(Array("naïve café 東京 word".utf8)) == 4)
    }

    @Test func eightAtATimeCountsWhatByteByByteCounts() {
        var generator = SeededGenerator(seed: 7)
        let pieces = [
            "a", "Z", "0", "9", " ", "  ", "'", "-", "’", "é", "東", ".", ",", "\n", "@", "[", "`", "{", "/", ":",
            "word", "Words ", "it's", "long-term", "\u{301}",
        ]
        for _ in 0..<3000 {
            let text = Array(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined().utf8)
            let lower = Int.random(in: 0...text.count, using: &generator)
            let upper = Int.random(in: lower...text.count, using: &generator)
            for range in [nil, lower..<upper] {
                #expect(
                    WordCounter.count(text, in: range, eightAtATime: true)
                        == WordCounter.count(text, in: range, eightAtATime: false),
                    "\(String(decoding: text, as: UTF8.self).debugDescription) \(String(describing: range))")
            }
        }
    }

    /// Every ASCII byte in every place of an eight-byte block, against a word before it or not.
    @Test func everyASCIIByteIsToldApartInEveryLane() {
        for byte in UInt8(0)..<0x80 {
            for lane in 0..<8 {
                for before: UInt8 in [0x20, 0x61] {
                    var text = [UInt8](repeating: 0x20, count: 17)
                    text[0] = before
                    text[1 + lane] = byte
                    text[2 + lane] = 0x62
                    #expect(
                        WordCounter.count(text, in: nil, eightAtATime: true)
                            == WordCounter.count(text, in: nil, eightAtATime: false), "byte \(byte) lane \(lane)")
                }
            }
        }
    }
}
