/// Turns the bytes of a file into valid UTF-8 for matching, remembering where every byte came from.
enum TextDecoder {
    struct Decoded {
        var text: [UInt8] = []
        var map = OffsetMap()
        var encoding: SourceEncoding = .utf8
        /// How many invalid sequences were replaced with U+FFFD, and where the first one was.
        var replacements = 0
        var firstInvalidOffset: Int?
    }

    /// Decodes by byte-order mark: UTF-16 (either order) when one says so, UTF-8 otherwise.
    static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes, bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes, bigEndian: true) }
        return decodeUTF8(bytes)
    }

    /// Decodes UTF-8 once, dropping a leading byte-order mark and replacing invalid sequences.
    static func decodeUTF8(_ bytes: [UInt8]) -> Decoded {
        // The common case, valid UTF-8 with no byte-order mark, shares the file's storage: no copy.
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), isValidUTF8(bytes) {
            return Decoded(text: bytes, map: .identity(length: bytes.count))
        }
        var result = Decoded()
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
                result.appendReplacement(at: position, length: length)
                position += length
                runStart = position
            case .emptyInput:
                break loop
            }
        }
        flushRun(upTo: position)
        return result
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // A leading ASCII run is passed over without the decoder, eight bytes at a time.
            let index = EightBytes.asciiPrefix(of: buffer)
            if index == buffer.count { return true }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = UnsafeBufferPointer(rebasing: buffer[index...]).makeIterator()
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid: continue
                case .error: return false
                case .emptyInput: return true
                }
            }
        }
    }

    /// Decodes UTF-16 after its byte-order mark; each scalar maps to the two or four bytes it came from.
    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> Decoded {
        var result = Decoded()
        result.encoding = bigEndian ? .utf16BE : .utf16LE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        var position = 2
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF16.decode(encoded)
                let utf8 = Array(String(Character(scalar)).utf8)
                result.text.append(contentsOf: utf8)
                result.map.append(textLength: utf8.count, sourceStart: position, sourceLength: encoded.count * 2)
                position += encoded.count * 2
            case .error(let length):
                result.appendReplacement(at: position, length: length * 2)
                position += length * 2
            case .emptyInput:
                break loop
            }
        }
        if index < bytes.count { result.appendReplacement(at: index, length: 1) }
        return result
    }
}

extension TextDecoder.Decoded {
    fileprivate mutating func appendReplacement(at position: Int, length: Int) {
        text.append(contentsOf: [0xEF, 0xBF, 0xBD])
        map.append(textLength: 3, sourceStart: position, sourceLength: length)
        replacements += 1
        if firstInvalidOffset == nil { firstInvalidOffset = position }
    }
}

/// How a file's bytes encode its text.
public enum SourceEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"

    /// Decodes a slice of the file as text, for reporting the exact bytes of a finding.
    func string(_ bytes: ArraySlice<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(self == .utf16LE ? second << 8 | first : first << 8 | second)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
