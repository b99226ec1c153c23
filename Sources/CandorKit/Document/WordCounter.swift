/// Counts words as runs of letters and digits (any non-ASCII byte counts as a letter), so that
/// "China’s" and "open-source" are one word each and punctuation is none.
enum WordCounter {
    static func count(_ text: [UInt8], in range: Range<Int>? = nil) -> Int {
        var words = 0
        var inWord = false
        for index in range ?? text.indices {
            let byte = text[index]
            let isWordByte =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte >= 0x80 || (inWord && (byte == 0x27 || byte == 0x2D))
            if isWordByte && !inWord { words += 1 }
            inWord = isWordByte
        }
        return words
    }
}
