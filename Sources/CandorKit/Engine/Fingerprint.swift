/// Stable identities for findings, so a baseline or a comparison of drafts can recognise a finding
/// after lines move: the rule, the flagged words and their sentence, normalised for case and spacing.
public enum Fingerprint {
    public static func of(ruleId: String, text: String, context: String) -> String {
        let normalised = [ruleId, normalise(text), normalise(context)].joined(separator: "\u{1F}")
        return hex(fnv1a(Array(normalised.utf8)))
    }

    static func normalise(_ text: String) -> String {
        if let ascii = normaliseASCII(text) { return ascii }
        return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The same result for ASCII text, byte by byte: most sentences are ASCII, and every finding
    /// normalises its whole sentence.
    private static func normaliseASCII(_ text: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// 64-bit FNV-1a: small, fast and the same on every platform and run.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
