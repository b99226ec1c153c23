/// Counts words as runs of letters and digits joined by apostrophes or hyphens, so that "China’s"
/// and "open-source" are one word each and punctuation, dashes and symbols are none.
enum WordCounter {
    static func count(_ text: [UInt8], in range: Range<Int>? = nil) -> Int {
        let range = range ?? text.indices
        return text.withUnsafeBufferPointer { text in
            var words = 0
            var inWord = false
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = text[index]
                if byte < 0x80 {
                    // ASCII, the common case, without decoding.
                    if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
                        if !inWord { words += 1 }
                        inWord = true
                    } else {
                        inWord = inWord && (byte == 0x27 || byte == 0x2D)
                    }
                    index += 1
                    continue
                }
                var end = index + 1
                while end < range.upperBound, text[end] & 0xC0 == 0x80 { end += 1 }
                let scalar = Self.scalar(text, index..<end)
                let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                if isWordCharacter && !inWord { words += 1 }
                inWord = isWordCharacter || (inWord && scalar == "’")
                index = end
            }
            return words
        }
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
