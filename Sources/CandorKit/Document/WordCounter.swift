/// Counts words as runs of letters and digits joined by apostrophes or hyphens, so that "China’s"
/// and "open-source" are one word each and punctuation, dashes and symbols are none.
enum WordCounter {
    static func count(_ text: [UInt8], in range: Range<Int>? = nil) -> Int {
        count(text, in: range, eightAtATime: true)
    }

    /// `eightAtATime` false reads every byte on its own (tests compare the two ways).
    static func count(_ text: [UInt8], in range: Range<Int>?, eightAtATime: Bool) -> Int {
        let range = range ?? text.indices
        return text.withUnsafeBufferPointer { text in
            Self.asciiKinds.withUnsafeBufferPointer { kinds in
                var state = State()
                var index = range.lowerBound
                while index < range.upperBound {
                    if eightAtATime, index + 8 <= range.upperBound, state.countEight(at: index, in: text) {
                        index += 8
                        continue
                    }
                    index = state.countOne(at: index, in: text, range, kinds)
                }
                return state.words
            }
        }
    }

    /// Words counted so far, and whether the last character read was inside one.
    private struct State {
        var words = 0
        // 1 inside a word, 0 outside: a byte rather than a Bool, so that it combines with the
        // kind by bits.
        var inWord: UInt8 = 0

        /// Counts the eight bytes at `index` together if they are ASCII without a joiner: letters
        /// and digits are told by their ranges, lane by lane, and a word starts wherever one follows
        /// a byte that is not one. Returns false, having read nothing, otherwise.
        mutating func countEight(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
            let bytes = EightBytes.load(text, at: index)
            let (lanes, high) = (EightBytes.lanes, EightBytes.high)
            guard bytes & high == 0, !EightBytes.contains(0x27, in: bytes), !EightBytes.contains(0x2D, in: bytes) else {
                return false
            }
            // A lane of x + (0x80 - low) has its top bit set when x >= low; no lane carries into the
            // next, since every byte is below 0x80.
            func atLeast(_ value: UInt64, _ low: UInt64) -> UInt64 { (value &+ lanes &* (0x80 - low)) & high }
            let digits = atLeast(bytes, 0x30) & ~atLeast(bytes, 0x3A)
            let folded = bytes | lanes &* 0x20
            let letters = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
            let word = (digits | letters) >> 7
            let previous = word << 8 | UInt64(inWord)
            words += (word & ~previous).nonzeroBitCount
            inWord = UInt8(truncatingIfNeeded: word >> 56)
            return true
        }

        /// Counts the character at `index` and returns where the next one starts. ASCII, the common
        /// case, by table and without branches on the kind: words and gaps alternate every few bytes,
        /// too often for a branch to be guessed. A joiner keeps the current state; anything else sets it.
        mutating func countOne(
            at index: Int, in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ kinds: UnsafeBufferPointer<UInt8>
        ) -> Int {
            let kind = kinds[Int(text[index])]
            if kind != Kind.beyondASCII {
                let isWord = kind & Kind.word
                words &+= Int(isWord & ~inWord & 1)
                inWord = kind == Kind.joiner ? inWord : isWord
                return index + 1
            }
            var wordSoFar = inWord == 1
            let next: Int
            (words, wordSoFar, next) = WordCounter.countScalar(text, at: index, in: range, words, wordSoFar)
            inWord = wordSoFar ? 1 : 0
            return next
        }
    }

    fileprivate enum Kind {
        static let other: UInt8 = 0
        static let word: UInt8 = 1
        static let joiner: UInt8 = 2
        static let beyondASCII: UInt8 = 3
    }

    /// The kind of every byte: ASCII letters and digits make words, `'` and `-` join them, and a byte
    /// beyond ASCII is decoded with those after it.
    private static let asciiKinds: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        if byte >= 0x80 { return Kind.beyondASCII }
        if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 { return Kind.word }
        return byte == 0x27 || byte == 0x2D ? Kind.joiner : Kind.other
    }

    /// Counts the scalar beyond ASCII that starts at `index`: a letter or digit makes or continues a
    /// word, the right single quotation mark joins one (as in "China’s").
    fileprivate static func countScalar(
        _ text: UnsafeBufferPointer<UInt8>, at index: Int, in range: Range<Int>, _ words: Int, _ inWord: Bool
    ) -> (words: Int, inWord: Bool, next: Int) {
        var end = index + 1
        while end < range.upperBound, text[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = Self.scalar(text, index..<end)
        let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        return (
            words + (isWordCharacter && !inWord ? 1 : 0), isWordCharacter || (inWord && scalar == "’"), end
        )
    }

    /// The scalar a UTF-8 sequence encodes; a sequence cut short by the range is decoded as the
    /// replacement character, as `String(decoding:as:)` would.
    private static func scalar(_ text: UnsafeBufferPointer<UInt8>, _ sequence: Range<Int>) -> Unicode.Scalar {
        let (value, length) = CharacterKinds.scalar(at: sequence.lowerBound, in: text)
        guard length == sequence.count, let scalar = Unicode.Scalar(value) else {
            return String(decoding: text[sequence], as: UTF8.self).unicodeScalars.first ?? " "
        }
        return scalar
    }
}
