import Foundation

/// What a document must hold before a rule that the shared pass cannot anchor is scanned there:
/// every match of the rule holds one of `words` at the start of a word (the shared pass reports
/// where they occur) or one of `bytes`, rare punctuation looked for directly. A document holding
/// none of them cannot match, so the scan is skipped ("http", "www", "doi" or "[" for links: most
/// articles have none).
struct ScanGate: Sendable, Equatable {
    let words: [String]
    let bytes: [UInt8]

    /// Punctuation rare enough in prose to look for; the full stop, comma, colon, quotes, hyphens
    /// and round brackets of ordinary sentences are not.
    static let rareBytes = Set("[]{}<>@#$%^*_=+|~`\\/".utf8)

    /// Whether the document may hold a match: the shared pass found one of the words, or the text
    /// holds one of the bytes.
    func opens(wordsFound: Bool, in text: [UInt8]) -> Bool {
        if wordsFound { return true }
        return text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return bytes.contains { memchr(base, Int32($0), buffer.count) != nil }
        }
    }
}

extension ScanGate {
    private typealias Item = RequiredWords.Item
    private typealias Tokens = (words: Set<String>, bytes: Set<UInt8>)

    /// The gate of `pattern`, or nil if some way through it holds no token known to be required.
    init?(pattern: String) {
        var parser = RequiredWords.Parser(text: Array(pattern))
        guard let alternatives = parser.parseAlternatives(), parser.isAtEnd,
            let tokens = Self.tokens(inAlternatives: alternatives, atWordStart: false)
        else { return nil }
        self.init(words: tokens.words.sorted(), bytes: tokens.bytes.sorted())
    }

    /// The tokens of which every alternative holds one, or nil if one holds none that is known.
    private static func tokens(inAlternatives alternatives: [[Item]], atWordStart: Bool) -> Tokens? {
        var union: Tokens = ([], [])
        for alternative in alternatives {
            guard let found = tokens(in: alternative, atWordStart: atWordStart) else { return nil }
            union.words.formUnion(found.words)
            union.bytes.formUnion(found.bytes)
        }
        return union
    }

    /// Tokens every match of `sequence` holds one of: its required words (see `RequiredWords`),
    /// else those of one item it cannot do without, a rare punctuation character or a group.
    private static func tokens(in sequence: [Item], atWordStart start: Bool) -> Tokens? {
        if let words = RequiredWords.required(in: sequence, atWordStart: start).best { return (words, []) }
        var atWordStart = start
        for item in sequence {
            if let found = tokens(of: item, atWordStart: atWordStart) { return found }
            atWordStart = RequiredWords.wordStarts(after: item, atWordStart: atWordStart)
        }
        return nil
    }

    private static func tokens(of item: Item, atWordStart: Bool) -> Tokens? {
        switch item {
        case .punctuation(let byte): return rareBytes.contains(byte) ? ([], [byte]) : nil
        case .group(let alternatives): return tokens(inAlternatives: alternatives, atWordStart: atWordStart)
        case .repeated(let inner, let min, _): return min >= 1 ? tokens(of: inner, atWordStart: atWordStart) : nil
        default: return nil
        }
    }
}
