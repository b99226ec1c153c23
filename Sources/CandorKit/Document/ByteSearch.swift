#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Searches of text bytes with the C library's `memchr`, which reads many bytes at a time: the
/// document scans look for bytes most text holds few of (line breaks, quotation marks, comments).
extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `byte` first occurs within `range`.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = baseAddress, !range.isEmpty,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Every place `byte` occurs, in order.
    func indices(of byte: UInt8) -> [Int] {
        var found: [Int] = []
        var next = 0
        while let index = firstIndex(of: byte, in: next..<count) {
            found.append(index)
            next = index + 1
        }
        return found
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `needle` at or after `from`, its first byte found by `memchr`: every
    /// file is searched for comments, and most have none.
    func firstRange(of needle: [UInt8], from: Int) -> Range<Int>? {
        guard !needle.isEmpty, from >= 0, count - from >= needle.count else { return nil }
        return withUnsafeBufferPointer { text in
            let last = text.count - needle.count
            var index = from
            while let found = text.firstIndex(of: needle[0], in: index..<(last + 1)) {
                if text[found..<(found + needle.count)].elementsEqual(needle) { return found..<(found + needle.count) }
                index = found + 1
            }
            return nil
        }
    }
}
