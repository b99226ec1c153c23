/// Finds web addresses in text, so that words inside them ("/may-become", "/sponsored/") are never
/// read as prose.
enum URLFinder {
    private static let prefixes: [[UInt8]] = ["https://", "http://", "www."].map { Array($0.utf8) }

    static func ranges(in text: [UInt8]) -> [Range<Int>] {
        text.withUnsafeBufferPointer { bytes in
            var ranges: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                // Only an h or a w (either case) after a non-address byte can start an address.
                let first = bytes[index] | 0x20
                guard first == 0x68 || first == 0x77, index == 0 || !isAddressByte(bytes[index - 1]),
                    startsAddress(bytes, at: index)
                else {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, isAddressByte(bytes[end]) { end += 1 }
                // Trailing punctuation ends the sentence, not the address.
                while end > index, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29].contains(bytes[end - 1]) { end -= 1 }
                ranges.append(index..<end)
                index = max(end, index + 1)
            }
            return ranges
        }
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
