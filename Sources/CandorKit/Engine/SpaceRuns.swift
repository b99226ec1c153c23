/// How far back from one of its words a match can begin, counted in runs of white space.
///
/// `\b[A-Z]\w+(?:\s+[A-Z]\w+){0,3}\s+said\b` holds at most four runs of white space, so a match
/// holding "said" begins no further back than four runs before it: the search for it need not start
/// at the beginning of the paragraph. Items that match only white space (`\s+`, `\h*\r?\n\h*`) count
/// as one run however long; an item that may match a space among other characters (`.`, `[^.]`)
/// counts once for each character it can take; an unbounded one, or a back reference, leaves the
/// reach unbounded.
enum SpaceRuns {
    /// The most runs of white space a match of `pattern` can hold; nil if unbounded or not understood.
    static func most(in pattern: String) -> Int? {
        var parser = RequiredWords.Parser(text: Array(pattern))
        guard let alternatives = parser.parseAlternatives(), parser.isAtEnd else { return nil }
        return most(inAlternatives: alternatives)
    }

    /// Where a match holding a word, with at most `runs` runs of white space, can begin at the
    /// earliest (just after the run before those), for words met in increasing order (a rule's words
    /// along a document): the text between one word and the next is read forward once, noting where
    /// each run of white space ends, so dense words with a long reach do not each walk back over the
    /// same stretch. A word further past the last than that one's reach is walked back from instead,
    /// so sparse words with a short reach do not read the text between them.
    struct Tracker {
        private let runs: Int
        /// The ends of the latest `runs + 1` runs before `scanned`, oldest first from `oldest`.
        private var ends: [Int]
        private var oldest = 0
        private var count = 0
        private var scanned = 0
        /// Whether the character before `scanned` is white space.
        private var inSpace = false
        /// How far back the last word's reach went: a gap to the next word longer than that is
        /// cheaper walked back over than read.
        private var lastReach = 0

        init(runs: Int) {
            self.runs = runs
            ends = [Int](repeating: 0, count: runs + 1)
        }

        mutating func earliestStart(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
            if offset < scanned || offset - scanned > lastReach { walkBack(to: offset, in: text) }
            while scanned < offset {
                let (isSpace, length) = SpaceRuns.character(at: scanned, in: text)
                if !isSpace && inSpace { note(scanned) }
                inSpace = isSpace
                scanned += length
            }
            // A run ending at the word itself is the nearest; the rest are counted back among those noted.
            let wanted = inSpace ? runs : runs + 1
            let start = wanted == 0 ? offset : count < wanted ? 0 : ends[(oldest + count - wanted) % ends.count]
            lastReach = offset - start
            return start
        }

        private mutating func note(_ end: Int) {
            if count < ends.count {
                ends[(oldest + count) % ends.count] = end
                count += 1
            } else {
                ends[oldest] = end
                oldest = (oldest + 1) % ends.count
            }
        }

        /// Starts afresh at `offset`, gathering the ends of the runs before it by walking back: the
        /// most recent is stored last, so the ring's oldest lies where the walk stopped.
        private mutating func walkBack(to offset: Int, in text: UnsafeBufferPointer<UInt8>) {
            let size = ends.count
            var found = 0
            var index = offset
            // Whether the character after the one before `index` is white space; the word's is not
            // counted, since a run that ends at the word is noted as `inSpace`.
            var followedBySpace = true
            inSpace = offset > 0 && SpaceRuns.character(before: offset, in: text).1
            while index > 0 && found < size {
                let (start, isSpace) = SpaceRuns.character(before: index, in: text)
                if isSpace && !followedBySpace {
                    ends[size - 1 - found] = index
                    found += 1
                }
                followedBySpace = isSpace
                index = start
            }
            (oldest, count, scanned) = ((size - found) % size, found, offset)
        }
    }

    /// Whether the character at `offset` is white space (see `isSpace`), and its length.
    private static func character(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (Bool, Int) {
        let byte = text[offset]
        if byte < 0x80 { return (CharacterKinds.isASCIISpace(byte), 1) }
        let (scalar, length) = CharacterKinds.scalar(at: offset, in: text)
        return (isSpace(scalar), length)
    }

    /// Where the character before `offset` starts and whether it is white space (see `isSpace`).
    private static func character(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        let byte = text[offset - 1]
        if byte < 0x80 { return (offset - 1, CharacterKinds.isASCIISpace(byte)) }
        var start = offset - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return (start, isSpace(CharacterKinds.scalar(at: start, in: text).0))
    }

    /// Every character any white-space item of a pattern can match: Unicode's White_Space, which
    /// holds PCRE2's `\s`, `\h`, `\v` and `\R`, and the Mongolian vowel separator `\h` still matches.
    static func isSpace(_ scalar: UInt32) -> Bool {
        spaces.contains { $0.contains(scalar) }
    }

    /// Whether any white space lies between two characters, inclusive.
    static func anySpace(from low: UInt32, to high: UInt32) -> Bool {
        spaces.contains { $0.overlaps(low...max(low, high)) }
    }

    private static let spaces: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x180E...0x180E, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
    ]

    typealias Item = RequiredWords.Item

    private static func most(inAlternatives alternatives: [[Item]]) -> Int? {
        var largest = 0
        for alternative in alternatives {
            guard let runs = most(inSequence: alternative) else { return nil }
            largest = max(largest, runs)
        }
        return largest
    }

    /// Items that match only white space, side by side, take part of one run between them.
    static func most(inSequence sequence: [Item]) -> Int? {
        var total = 0
        var afterSpace = false
        for item in sequence {
            switch item {
            case .zeroWidth, .boundary: continue
            default: break
            }
            if matchesOnlySpace(item) {
                if !afterSpace { total += 1 }
                afterSpace = true
                continue
            }
            afterSpace = false
            guard let runs = most(in: item) else { return nil }
            total += runs
        }
        return total
    }

    private static func most(in item: Item) -> Int? {
        if matchesOnlySpace(item) { return 1 }
        switch item {
        case .letters, .zeroWidth, .boundary, .punctuation: return 0
        case .separator(let spacing), .other(let spacing):
            switch spacing {
            case .never: return 0
            case .only, .sometimes: return 1
            case .unbounded: return nil
            }
        case .group(let alternatives): return most(inAlternatives: alternatives)
        case .repeated(let inner, _, let times):
            guard let runs = most(in: inner) else { return nil }
            if runs == 0 { return 0 }
            guard let times else { return nil }
            return runs * times
        }
    }

    /// Whether the item matches nothing but white space (or nothing at all).
    private static func matchesOnlySpace(_ item: Item) -> Bool {
        switch item {
        case .separator(.only), .other(.only): return true
        case .group(let alternatives):
            return alternatives.allSatisfy { alternative in
                alternative.allSatisfy { item in
                    if case .zeroWidth = item { return true }
                    return matchesOnlySpace(item)
                }
            }
        case .repeated(let inner, _, _): return matchesOnlySpace(inner)
        default: return false
        }
    }
}

extension RequiredWords {
    /// What white space an item can consume.
    enum Spacing {
        /// None: letters, digits, punctuation, `\w`, `\d`, `\p{L}`.
        case never
        /// Nothing but white space: `\s`, `\h`, a space, `[ \t]`.
        case only
        /// One character that may be a space: `.`, `[^.]`, `\W`.
        case sometimes
        /// Any stretch of text: a back reference.
        case unbounded

        /// Unicode general categories none of whose characters is white space.
        static let spacelessCategories: Set<String> = [
            "L", "Lu", "Ll", "Lt", "Lm", "Lo", "L&", "N", "Nd", "Nl", "No", "M", "Mn", "Mc", "Me", "P", "Pc", "Pd",
            "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        ]

        /// POSIX classes that hold no white space.
        private static let spacelessPOSIX: Set<String> = [
            "alpha", "alnum", "digit", "upper", "lower", "word", "xdigit", "punct", "graph",
        ]

        /// A literal character's spacing.
        static func of(_ character: Character) -> Spacing {
            character.unicodeScalars.contains { SpaceRuns.isSpace($0.value) } ? .only : .never
        }

        /// The spacing of a character class's body (between its brackets).
        static func ofClass(_ body: [Character]) -> Spacing {
            if body.first == "^" { return .sometimes }
            var (spaces, others) = (false, false)
            var index = 0
            var previous: Character?
            while index < body.count {
                let character = body[index]
                index += 1
                if character == "\\", index < body.count {
                    let code = body[index]
                    index += 1
                    previous = nil
                    switch code {
                    case "s", "h", "v", "R", "n", "t", "r", "f": spaces = true
                    case "d", "w", "S": others = true
                    case "p":
                        var parser = RequiredWords.Parser(text: body, index: index)
                        let name = parser.parsePropertyName()
                        index = parser.index
                        if spacelessCategories.contains(name) { others = true } else { return .sometimes }
                    default:
                        if code.isLetter || code.isNumber { return .sometimes }
                        previous = code
                        if of(code) == .only { spaces = true } else { others = true }
                    }
                    continue
                }
                if character == "[", index < body.count, body[index] == ":" {
                    guard let close = body[index...].firstIndex(of: "]") else { return .sometimes }
                    guard close >= index + 2, body[close - 1] == ":",
                        spacelessPOSIX.contains(String(body[(index + 1)..<(close - 1)]))
                    else { return .sometimes }
                    others = true
                    index = close + 1
                    previous = nil
                    continue
                }
                // A range: spaceless only if no white space lies between its ends.
                if character == "-", let low = previous, index < body.count, body[index] != "\\" {
                    let high = body[index]
                    index += 1
                    previous = nil
                    guard let from = low.unicodeScalars.first?.value, let to = high.unicodeScalars.first?.value
                    else { return .sometimes }
                    if SpaceRuns.anySpace(from: from, to: to) { return .sometimes }
                    others = true
                    continue
                }
                previous = character
                if of(character) == .only { spaces = true } else { others = true }
            }
            return spaces ? (others ? .sometimes : .only) : .never
        }
    }
}
