import PCRE2Kit

/// Whether a character of valid UTF-8 text is a word or a space character as PCRE2's `\w` and `\s`
/// see them in UTF and UCP mode: ASCII from a table, anything else asked of PCRE2 once per
/// character and remembered, so a native scan draws its word boundaries exactly where a pattern does.
struct CharacterKinds {
    private let text: UnsafeBufferPointer<UInt8>
    private let matcher: Matcher
    private let word: Regex
    private let space: Regex
    /// Per scalar beyond ASCII already asked about: bit 1 a word character, bit 2 a space.
    private var known: [UInt32: UInt8] = [:]

    init(text: UnsafeBufferPointer<UInt8>, matcher: Matcher, word: Regex, space: Regex) {
        self.text = text
        self.matcher = matcher
        self.word = word
        self.space = space
    }

    /// Whether the character that starts at `position` is a word character (false at the end).
    mutating func isWord(startingAt position: Int) throws(MatchError) -> Bool {
        guard position < text.count else { return false }
        let byte = text[position]
        if byte < 0x80 { return Self.isASCIIWord(byte) }
        return try kinds(at: position) & 2 != 0
    }

    /// Whether the character beyond ASCII that starts at `position` is a space character.
    mutating func isSpace(startingAt position: Int) throws(MatchError) -> Bool {
        try kinds(at: position) & 4 != 0
    }

    private mutating func kinds(at position: Int) throws(MatchError) -> UInt8 {
        let (scalar, _) = Self.scalar(at: position, in: text)
        if let kinds = known[scalar] { return kinds }
        var kinds: UInt8 = 0
        if try matcher.firstMatch(of: word, in: text, from: position, within: position) != nil { kinds |= 2 }
        if try matcher.firstMatch(of: space, in: text, from: position, within: position) != nil { kinds |= 4 }
        known[scalar] = kinds
        return kinds
    }

    static func isASCIIWord(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) || byte == 0x5F
    }

    /// White space in ASCII: space, tab, line feed, vertical tab, form feed and carriage return, which
    /// is both PCRE2's `\s` and Unicode's White_Space there.
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The scalar value of the UTF-8 sequence that starts at `position`, and its length.
    static func scalar(at position: Int, in text: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
        let lead = UInt32(text[position])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard position + length <= text.count else { return (lead, 1) }
        var value = length == 1 ? lead : lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(text[position + offset] & 0x3F) }
        return (value, length)
    }
}
