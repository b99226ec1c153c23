import Foundation

/// A growable run of bytes written through a pointer. A report is written in many small pieces (a
/// bracket, an indent, a key); `[UInt8].append(contentsOf:)` checks the array's uniqueness and takes
/// a generic path on each, which cost more than the copying itself.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 12) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    var isEmpty: Bool { count == 0 }

    var array: [UInt8] { [UInt8](UnsafeBufferPointer(start: start, count: count)) }

    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Forgets the bytes and keeps the room they took.
    mutating func removeAll() { count = 0 }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        // Most pieces are a few bytes of layout, copied in place rather than through a call.
        if bytes.count <= 8 {
            for offset in 0..<bytes.count { start[count + offset] = base.load(fromByteOffset: offset, as: UInt8.self) }
        } else {
            memcpy(start + count, base, bytes.count)
        }
        count += bytes.count
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    /// `bytes` between double quotes, in one reservation: a string that needs no escaping.
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count + 2 > capacity { grow(toHold: count + bytes.count + 2) }
        start[count] = 0x22
        if let base = bytes.baseAddress { memcpy(start + count + 1, base, bytes.count) }
        start[count + 1 + bytes.count] = 0x22
        count += bytes.count + 2
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A JSON member's start on a new line: the comma after the member before (if any), the line
    /// break and the indent, written together (a report has a line like this for every value).
    mutating func appendLineStart(comma: Bool, indent: Int) {
        let needed = 2 + indent
        if count + needed > capacity { grow(toHold: count + needed) }
        count = writeMemberStart(at: count, comma: comma, indent: indent)
    }

    /// A member's start and its key, written together: the comma after the member before (if any),
    /// with `indent` the line break and indent, then the key (which needs no escaping) quoted with
    /// its separator, `" : "` when indented and `":"` otherwise. A report has one for every value, and
    /// written piece by piece they cost more than the copying.
    mutating func appendMember(_ name: StaticString, comma: Bool, indent: Int?) {
        let length = name.utf8CodeUnitCount
        let needed = length + 7 + (indent ?? 0)
        if count + needed > capacity { grow(toHold: count + needed) }
        var place = writeMemberStart(at: count, comma: comma, indent: indent)
        start[place] = 0x22
        memcpy(start + place + 1, name.utf8Start, length)
        place += 1 + length
        start[place] = 0x22
        if indent != nil {
            (start[place + 1], start[place + 2], start[place + 3]) = (0x20, 0x3A, 0x20)
            count = place + 4
        } else {
            start[place + 1] = 0x3A
            count = place + 2
        }
    }

    /// Writes, in room already reserved at `place`, the comma (if any) and, with `indent`, the line
    /// break and indent; returns where the writing ended.
    private func writeMemberStart(at place: Int, comma: Bool, indent: Int?) -> Int {
        var place = place
        if comma {
            start[place] = 0x2C
            place += 1
        }
        if let indent {
            start[place] = 0x0A
            memset(start + place + 1, 0x20, indent)
            place += 1 + indent
        }
        return place
    }

    mutating func append(repeating byte: UInt8, count extra: Int) {
        guard extra > 0 else { return }
        if count + extra > capacity { grow(toHold: count + extra) }
        memset(start + count, Int32(byte), extra)
        count += extra
    }

    private mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }
}
