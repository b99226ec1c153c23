/// Line starts of a source file, for turning byte offsets into 1-based lines and columns.
///
/// LF, CRLF and a lone CR each end a line. Columns count Unicode scalars, as editors do, by counting
/// the bytes that start a UTF-8 sequence.
public struct LineTable: Sendable {
    public let lineStarts: [Int]
    private let bytes: [UInt8]
    /// How many scalars start before each multiple of `blockSize`: a column is then counted from the
    /// nearest block rather than from the start of its line, which may be the whole text, so each
    /// lookup costs at most a block however long the line.
    private let scalarsBeforeBlock: [Int]
    private static let blockSize = 4096

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = Self.lineStarts(of: bytes)
        var before = [0]
        before.reserveCapacity(bytes.count / Self.blockSize + 1)
        var start = 0
        while start + Self.blockSize <= bytes.count {
            before.append(before[before.count - 1] + Self.scalarCount(bytes, start..<(start + Self.blockSize)))
            start += Self.blockSize
        }
        scalarsBeforeBlock = before
    }

    /// How many scalars start before `offset` (at most the text's length).
    private func scalars(before offset: Int) -> Int {
        let block = offset / Self.blockSize
        let blockStart = block * Self.blockSize
        return scalarsBeforeBlock[block] + Self.scalarCount(bytes, blockStart..<offset)
    }

    /// How many scalars start in `range`, from the blocks (see `scalarsBeforeBlock`).
    private func scalarCount(in range: Range<Int>) -> Int {
        range.count <= Self.blockSize
            ? Self.scalarCount(bytes, range) : scalars(before: range.upperBound) - scalars(before: range.lowerBound)
    }

    /// Where each line starts. Text with no carriage return, nearly every file, has its line feeds
    /// found by `firstRange(of:from:)`, which reads many bytes at a time.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        if bytes.firstRange(of: [0x0D], from: 0) == nil {
            while let lineFeed = bytes.firstRange(of: [0x0A], from: starts[starts.count - 1]) {
                starts.append(lineFeed.upperBound)
            }
            return starts
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// The byte offset of a 1-based line and column (columns in Unicode scalars).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var index = lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0, index < bytes.count, bytes[index] != 0x0A {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The 1-based line and column of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(0, offset), bytes.count)
        let line = lineIndex(of: clamped)
        return (line + 1, 1 + scalarCount(in: lineStarts[line]..<clamped))
    }

    /// The locations of both ends of a range. A range within one line, as nearly every finding is,
    /// is looked up once and its end counted on from its start.
    func locations(of range: Range<Int>) -> (start: (line: Int, column: Int), end: (line: Int, column: Int)) {
        let start = location(of: range.lowerBound)
        let upper = min(max(0, range.upperBound), bytes.count)
        let lower = min(max(0, range.lowerBound), bytes.count)
        guard start.line >= lineStarts.count || upper < lineStarts[start.line], lower <= upper else {
            return (start, location(of: range.upperBound))
        }
        return (start, (start.line, start.column + scalarCount(in: lower..<upper)))
    }

    /// The index of the line holding `offset` (already clamped to the text), by binary search.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// How many Unicode scalars start in `range`: its length less its continuation bytes, counted
    /// eight bytes at a time (a byte `10xxxxxx` has its top bit set and the next one clear), since
    /// every finding's line and column walk from the start of a line that may be a long paragraph.
    static func scalarCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBytes { raw in
            var continuations = 0
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let top = word & 0x8080_8080_8080_8080
                let next = (word << 1) & 0x8080_8080_8080_8080
                continuations += (top & ~next).nonzeroBitCount
                index += 8
            }
            while index < range.upperBound {
                if raw[index] & 0xC0 == 0x80 { continuations += 1 }
                index += 1
            }
            return range.count - continuations
        }
    }
}
