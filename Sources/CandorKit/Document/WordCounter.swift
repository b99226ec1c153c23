/// Counts words as runs of letters and digits joined by apostrophes or hyphens, so that "China’s"
/// and "open-source" are one word each and punctuation, dashes and symbols are none.
enum WordCounter {
    static func count(_ text: [UInt8], in range: Range<Int>? = nil) -> Int {
        let range = range ?? text.indices
        var words = 0
        var inWord = false
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = text[index]
            var isWordCharacter: Bool
            var joinsWord = false
            if byte < 0x80 {
                // ASCII, the common case, without decoding.
                isWordCharacter =
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                joinsWord = inWord && (byte == 0x27 || byte == 0x2D)
                index += 1
            } else {
                var end = index + 1
                while end < range.upperBound, text[end] & 0xC0 == 0x80 { end += 1 }
                let scalar = String(decoding: text[index..<end], as: UTF8.self).unicodeScalars.first ?? " "
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
