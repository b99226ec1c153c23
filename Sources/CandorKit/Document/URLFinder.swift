/// Finds web addresses in text, so that words inside them ("/may-become", "/sponsored/") are never
/// read as prose.
enum URLFinder {
    private static let prefixes: [[UInt8]] = ["https://", "http://", "www."].map { Array($0.utf8) }

    static func ranges(in text: [UInt8]) -> [Range<Int>] {
        text.withUnsafeBufferPointer { bytes in
            var ranges: [Range<Int>] = []
            var next = 0
            for start in candidateStarts(in: bytes) where start >= next {
                // An address starts after a byte that cannot be part of one.
                guard start == 0 || !isAddressByte(bytes[start - 1]), startsAddress(bytes, at: start) else { continue }
                var end = start
                while end < bytes.count, isAddressByte(bytes[end]) { end += 1 }
                // Trailing punctuation ends the sentence, not the address.
                while end > start, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29].contains(bytes[end - 1]) { end -= 1 }
                ranges.append(start..<end)
                next = max(end, start + 1)
            }
            return ranges
        }
    }

    /// Every place a prefix could start, in order: found from the colons of "http://" and the full
    /// stops of "www." with `memchr`, rather than by testing every byte of the text.
    private static func candidateStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        for position in bytes.indices(of: 0x3A) where position + 2 < bytes.count {
            guard bytes[position + 1] == 0x2F, bytes[position + 2] == 0x2F else { continue }
            if position >= 5, startsAddress(bytes, at: position - 5) {
                starts.append(position - 5)
            } else if position >= 4 {
                starts.append(position - 4)
            }
        }
        for position in bytes.indices(of: 0x2E) where position >= 3 { starts.append(position - 3) }
        return starts.sorted()
    }

    private static func startsAddress(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        prefixes.contains { prefix in
            index + prefix.count <= bytes.count
                && (0..<prefix.count).allSatisfy { bytes[index + $0] | 0x20 == prefix[$0] | 0x20 }
        }
    }

    /// Bytes that can appear in an address as people paste them: anything but white space, quotes and angle brackets.
    private static func isAddressByte(_ byte: UInt8) -> Bool {
        !(byte <= 0x20 || byte == 0x22 || byte == 0x27 || byte == 0x3C || byte == 0x3E || byte >= 0x80)
    }
}
