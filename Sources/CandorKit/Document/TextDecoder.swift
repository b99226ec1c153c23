/// Turns the bytes of a file into valid UTF-8 for matching, remembering where every byte came from.
enum TextDecoder {
    struct Decoded {
        var text: [UInt8]
        var map: OffsetMap
        /// How many invalid byte sequences were replaced with U+FFFD.
        var replacements: Int
        /// The 1-based line of the first replacement, for the warning.
        var firstInvalidOffset: Int?
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes UTF-8 once, dropping a leading byte-order mark and replacing invalid sequences.
    static func decodeUTF8(_ bytes: [UInt8]) -> Decoded {
        var result = Decoded(text: [], map: OffsetMap(), replacements: 0, firstInvalidOffset: nil)
        result.text.reserveCapacity(bytes.count)
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var runStart = position
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[position...].makeIterator()
        func flushRun(upTo end: Int) {
            guard end > runStart else { return }
            result.text.append(contentsOf: bytes[runStart..<end])
            result.map.append(textLength: end - runStart, sourceStart: runStart, sourceLength: end - runStart)
        }
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                position += scalar.count
            case .error(let length):
                flushRun(upTo: position)
                result.text.append(contentsOf: replacement)
                result.map.append(textLength: replacement.count, sourceStart: position, sourceLength: length)
                result.replacements += 1
                if result.firstInvalidOffset == nil { result.firstInvalidOffset = position }
                position += length
                runStart = position
            case .emptyInput:
                break loop
            }
        }
        flushRun(upTo: position)
        return result
    }
}
