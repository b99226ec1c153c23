/// Counts words as runs of letters and digits joined by apostrophes or hyphens, so that "China’s"
/// and "open-source" are one word each and punctuation, dashes and symbols are none.
enum WordCounter {
    static func count(_ text: [UInt8], in range: Range<Int>? = nil) -> Int {
        let slice = text[range ?? text.indices]
        var words = 0
        var inWord = false
        for scalar in String(decoding: slice, as: UTF8.self).unicodeScalars {
            let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            let joinsWord = inWord && (scalar == "'" || scalar == "’" || scalar == "-")
            if isWordCharacter && !inWord { words += 1 }
            inWord = isWordCharacter || joinsWord
        }
        return words
    }
}
