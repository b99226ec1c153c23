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
                var isWordCharacter: Bool
                var joinsWord = false
                if byte < 0x80 {
                    // ASCII, the common case, without decoding.
                    isWordCharacter = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
                    joinsWord = inWord && (byte == 0x27 || byte == 0x2D)
                    index += 1
                } else {
                    var end = index + 1
                    while end < range.upperBound, text[end] & 0xC0 == 0x80 { end += 1 }
                    let scalar = Self.scalar(text, index..<end)
                    isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    joinsWord = inWord && scalar == "’"
                    index = end
                }
                if isWordCharacter && !inWord { words += 1 }
                inWord = isWordCharacter || joinsWord
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
