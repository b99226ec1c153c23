/// Stable identities for findings, so a baseline or a comparison of drafts can recognise a finding
/// after lines move: the rule, the flagged words and their sentence (within 512 bytes of them, see
/// `Auditor.fingerprintWindow`), normalised for case and spacing.
public enum Fingerprint {
    public static func of(ruleId: String, text: String, context: String) -> String {
        of(ruleId: ruleId, text: Array(text.utf8)[...], context: Array(context.utf8)[...])
    }

    /// The same fingerprint from the UTF-8 of the flagged words and their sentence, hashed as they are
    /// normalised: every finding has one, so no normalised copy of its sentence is built.
    static func of(ruleId: String, text: ArraySlice<UInt8>, context: ArraySlice<UInt8>) -> String {
        var hash = FNV1a()
        var ruleId = ruleId
        // Through the contiguous UTF-8: iterating the string's view decoded it a byte at a time.
        ruleId.withUTF8 { hash.add($0) }
        hash.add(0x1F)
        addNormalised(text, to: &hash)
        hash.add(0x1F)
        addNormalised(context, to: &hash)
        return hex(hash.value)
    }

    private static func addNormalised(_ bytes: ArraySlice<UInt8>, to hash: inout FNV1a) {
        let hashedAsASCII = bytes.withUnsafeBufferPointer { buffer in
            guard EightBytes.asciiPrefix(of: buffer) == buffer.count else { return false }
            hash.addNormalisedASCII(buffer)
            return true
        }
        if !hashedAsASCII { forEachNormalisedByte(of: bytes) { hash.add($0) } }
    }

    /// Lowercased, with each run of white space one space and none at either end.
    static func normalise(_ text: String) -> String {
        var output: [UInt8] = []
        appendNormalised(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The UTF-8 of `normalise(text)`, added to `output`.
    static func appendNormalised(_ text: String, to output: inout [UInt8]) {
        let bytes = Array(text.utf8)[...]
        output.reserveCapacity(output.count + bytes.count)
        forEachNormalisedByte(of: bytes) { output.append($0) }
    }

    /// The normalised UTF-8, byte by byte, by the quickest path that gives what the definition
    /// (`normalisedByCharacters`) gives: ASCII directly, other text scalar by scalar where that is
    /// exact, and by characters otherwise.
    private static func forEachNormalisedByte(of bytes: ArraySlice<UInt8>, _ emit: (UInt8) -> Void) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            normaliseASCII(bytes, emit)
        } else if let scalars = ScalarText(bytes) {
            scalars.normalise(emit)
        } else {
            for byte in normalisedByCharacters(String(decoding: bytes, as: UTF8.self)).utf8 { emit(byte) }
        }
    }

    /// The normalisation as defined, over characters: what the quicker paths must equal.
    static func normalisedByCharacters(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The same normalisation byte by byte for ASCII, which most sentences are.
    @inline(__always)
    private static func normaliseASCII(_ bytes: some Sequence<UInt8>, _ emit: (UInt8) -> Void) {
        collapsingSpaces(bytes, isSpace: CharacterKinds.isASCIISpace, emit) { emit(lowercased($0)) }
    }

    /// Hands on `units` with each run of white space as one space and none at either end: the
    /// normalisation's spacing, for bytes and for scalars alike.
    @inline(__always)
    private static func collapsingSpaces<Units: Sequence>(
        _ units: Units, isSpace: (Units.Element) -> Bool, _ emit: (UInt8) -> Void,
        _ emitUnit: (Units.Element) -> Void
    ) {
        var pendingSpace = false
        var emittedAny = false
        for unit in units {
            if isSpace(unit) {
                pendingSpace = emittedAny
                continue
            }
            if pendingSpace { emit(0x20) }
            pendingSpace = false
            emittedAny = true
            emitUnit(unit)
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// 64-bit FNV-1a: small, fast and the same on every platform and run.
    struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { add(byte) }
        }

        @inline(__always)
        mutating func add(_ byte: UInt8) { value = Self.adding(byte, to: value) }

        @inline(__always)
        private static func adding(_ byte: UInt8, to value: UInt64) -> UInt64 {
            (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        /// `normaliseASCII` of ASCII bytes, hashed with the hash held in a local: through the general
        /// path's closures, updating it in place, it cost twenty instructions a byte.
        mutating func addNormalisedASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
            var value = self.value
            Fingerprint.normaliseASCII(bytes) { value = Self.adding($0, to: value) }
            self.value = value
        }
    }

    /// Sixteen lowercase hex digits, written straight into the string's storage.
    private static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for place in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * place)) & 0x0F
                buffer[place] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }

    /// Text beyond ASCII normalised scalar by scalar, which gives what `normalisedByCharacters` gives
    /// (`lowercased()` maps each scalar on its own) wherever each white-space character is a whole
    /// character: only ASCII white space, with no mark, joiner or other scalar beside it that could
    /// join it into one grapheme cluster with its neighbour. Other text is normalised by characters.
    struct ScalarText {
        private let scalars: [Unicode.Scalar]

        init?(_ bytes: ArraySlice<UInt8>) {
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { scalars.append(scalar) }
            for (index, scalar) in scalars.enumerated() where Self.isWhitespace(scalar) {
                guard scalar.isASCII else { return nil }
                let neighbours = [index - 1, index + 1].filter(scalars.indices.contains).map { scalars[$0] }
                guard neighbours.allSatisfy(Self.standsAlone) else { return nil }
            }
            self.scalars = scalars
        }

        /// White space as Unicode defines it, ASCII answered without the property tables: most of the
        /// scalars of a sentence with a curly quote in it are ASCII.
        @inline(__always)
        private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? CharacterKinds.isASCIISpace(UInt8(scalar.value)) : scalar.properties.isWhitespace
        }

        /// Whether a scalar next to white space can never share its grapheme cluster: ASCII, or a
        /// letter with case, a digit, punctuation or a symbol other than a modifier (marks, joiners,
        /// format characters and other letters include extending and prepending scalars).
        private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return true }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber, .dashPunctuation,
                .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
                .currencySymbol, .mathSymbol, .otherSymbol:
                return true
            default:
                return false
            }
        }

        func normalise(_ emit: (UInt8) -> Void) {
            Fingerprint.collapsingSpaces(scalars, isSpace: Self.isWhitespace, emit) { scalar in
                if scalar.isASCII {
                    emit(Fingerprint.lowercased(UInt8(scalar.value)))
                } else {
                    for byte in scalar.properties.lowercaseMapping.utf8 { emit(byte) }
                }
            }
        }
    }
}
