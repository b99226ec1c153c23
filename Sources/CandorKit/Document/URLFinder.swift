/// Finds web addresses and e-mail addresses in text, so that words inside them ("/may-become",
/// "/sponsored/") are never read as prose.
enum URLFinder {
    static func ranges(in text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if startsAddress(text, at: index), index == 0 || !isAddressByte(text[index - 1]) {
                var end = index
                while end < text.count, isAddressByte(text[end]) { end += 1 }
                // Trailing punctuation ends the sentence, not the address.
                while end > index, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29].contains(text[end - 1]) { end -= 1 }
                ranges.append(index..<end)
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
        return ranges
    }

    private static func startsAddress(_ text: [UInt8], at index: Int) -> Bool {
        for prefix in ["https://", "http://", "www.", "HTTPS://", "HTTP://", "WWW."]
        where text[index...].starts(with: prefix.utf8) {
            return true
        }
        return false
    }

    /// Bytes that can appear in an address as people paste them: anything but white space, quotes and angle brackets.
    private static func isAddressByte(_ byte: UInt8) -> Bool {
        !(byte <= 0x20 || byte == 0x22 || byte == 0x27 || byte == 0x3C || byte == 0x3E || byte >= 0x80)
    }
}
