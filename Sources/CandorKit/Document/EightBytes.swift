/// Eight bytes read as one number and tested all at once, lane by lane: the byte scanners (UTF-8
/// checks, word counts, fingerprints, JSON strings) pass over plain text eight bytes at a time.
/// Each test is exact: a lane is flagged only by its own byte.
enum EightBytes {
    /// A one in every lane: multiplied by a byte value, that value in every lane. Computed, not
    /// stored: a stored static is a lazy global, checked at every use.
    @inline(__always)
    static var lanes: UInt64 { 0x0101_0101_0101_0101 }

    /// The top bit of every lane.
    @inline(__always)
    static var high: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset`, the first in the lowest lane.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether any lane holds `byte`.
    @inline(__always)
    static func contains(_ byte: UInt8, in eight: UInt64) -> Bool {
        containsByte(below: 1, in: eight ^ lanes &* UInt64(byte))
    }

    /// Whether any lane holds a value below `bound`, which is at most 0x80.
    @inline(__always)
    static func containsByte(below bound: UInt8, in eight: UInt64) -> Bool {
        (eight &- lanes &* UInt64(bound)) & ~eight & high != 0
    }

    /// How many bytes `bytes` starts with that are ASCII, read eight at a time while none is beyond.
    static func asciiPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index + 8 <= bytes.count, load(bytes, at: index) & high == 0 { index += 8 }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }
}
