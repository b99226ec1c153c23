import PCRE2Kit

/// The shared pass's trie walked directly over the text's bytes, reporting exactly the callouts the
/// trie pattern (see `PhraseIndex`) would, in the same order for each rule, without entering PCRE2
/// at every word.
///
/// The trie's units are literal ASCII characters matched caselessly, the quote and hyphen classes,
/// and `\s+` between words. No two of them match the same character, so at any start the pattern can
/// follow only one path, and the callouts it makes there are those of the nodes along that path,
/// deepest first (a node's children are tried before its own callouts). What PCRE2 counts as a word
/// or space character beyond ASCII is asked of PCRE2 itself, once per character, so the word
/// boundaries and `\s+` agree with the pattern's (UTF and UCP) to the letter. A ruleset with any
/// other unit (a non-ASCII letter in a phrase) gets no walker and keeps the pattern.
struct PhraseWalker: Sendable {
    private let tables: WalkerTables
    private let wordCharacter: Regex
    private let spaceCharacter: Regex

    /// The walker for `members` (callouts number them from 0), or nil if a unit is beyond it.
    init?(members: [PhraseIndex.Member]) {
        guard let word = try? Regex("\\w"), let space = try? Regex("\\s") else { return nil }
        wordCharacter = word
        spaceCharacter = space
        let root = TrieNode()
        var depth = 0
        for (number, member) in members.enumerated() {
            for phrase in member.words {
                let units = PhraseTrie.units(of: phrase)
                depth = max(depth, units.count)
                root.insert(units, mark: number)
            }
        }
        var alphabet = Alphabet()
        var trieNodes: [TrieNode] = [root]
        var edgeClasses: [UInt8] = []
        var edgeChildren: [Int32] = []
        var nodes: [WalkerTables.Node] = []
        var marks: [Int32] = []
        // Breadth first, so the nodes every walk passes through sit together at the front.
        var index = 0
        while index < trieNodes.count {
            let trieNode = trieNodes[index]
            var node = WalkerTables.Node(
                firstEdge: Int32(edgeClasses.count), edgeEnd: 0, firstMark: Int32(marks.count), firstPhrase: 0,
                markEnd: 0)
            for (unit, child) in trieNode.children {
                guard let unitClass = alphabet.classOf(unit) else { return nil }
                edgeClasses.append(unitClass)
                edgeChildren.append(Int32(trieNodes.count))
                trieNodes.append(child)
            }
            node.edgeEnd = Int32(edgeClasses.count)
            marks += trieNode.marks.filter { members[$0].startsOnly }.map(Int32.init)
            node.firstPhrase = Int32(marks.count)
            marks += trieNode.marks.filter { !members[$0].startsOnly }.map(Int32.init)
            node.markEnd = Int32(marks.count)
            nodes.append(node)
            index += 1
        }
        tables = WalkerTables(
            classOfByte: alphabet.byteClasses(), classCount: alphabet.count, nodes: nodes, edgeClasses: edgeClasses,
            edgeChildren: edgeChildren, marks: marks, depth: depth)
    }

    /// Hands `receiver` each callout the trie pattern would make over `text`: start by start, and at
    /// each start deepest node first.
    func forEachCallout<Receiver: CalloutReceiver>(
        in text: UnsafeBufferPointer<UInt8>, matcher: Matcher, into receiver: inout Receiver
    ) throws(MatchError) {
        var characters = CharacterKinds(text: text, matcher: matcher, word: wordCharacter, space: spaceCharacter)
        let path = UnsafeMutableBufferPointer<(node: Int, end: Int)>.allocate(capacity: tables.depth + 1)
        defer { path.deallocate() }
        let (classOfByte, rootNext, marks) = (tables.classOfByte, tables.rootNext, tables.marks)
        let wordByte = tables.wordByte
        var start = 0
        // Whether the character before `start` is a word character, carried along rather than
        // looked back at: most bytes are inside words, and that settles them.
        var afterWord = false
        while start < text.count {
            let byte = text[start]
            let length: Int
            let wasAfterWord = afterWord
            if byte < 0x80 {
                length = 1
                afterWord = wordByte[Int(byte)]
                if wasAfterWord || rootNext[Int(classOfByte[Int(byte)])] == 0 {
                    start += 1
                    continue
                }
            } else {
                length = CharacterKinds.scalar(at: start, in: text).1
                afterWord = try characters.isWord(startingAt: start)
                if wasAfterWord {
                    start += length
                    continue
                }
            }
            defer { start += length }
            var step = try walk(from: start, text, &characters, into: path)
            while step > 0 {
                step -= 1
                let (node, end) = path[step]
                let (first, phrases, last) = tables.marks(of: node)
                for mark in first..<phrases { receiver.receive(Int(marks[mark]), start..<end) }
                guard phrases < last, try !characters.isWord(startingAt: end) else { continue }
                for mark in phrases..<last { receiver.receive(Int(marks[mark]), start..<end) }
            }
        }
    }

    /// Follows the one path the text allows from `start`, noting each node with callouts and where
    /// it ends; returns how many it noted.
    private func walk(
        from start: Int, _ text: UnsafeBufferPointer<UInt8>, _ characters: inout CharacterKinds,
        into path: UnsafeMutableBufferPointer<(node: Int, end: Int)>
    ) throws(MatchError) -> Int {
        var noted = 0
        var node = 0
        var position = start
        let classOfByte = tables.classOfByte
        while position < text.count {
            // ASCII, the common case, read straight from the table.
            let byte = text[position]
            let (unitClass, length) =
                byte < 0x80 ? (classOfByte[Int(byte)], 1) : try unit(at: position, text, &characters)
            if unitClass == 0 { break }
            let child = tables.child(of: node, unitClass)
            if child == 0 { break }
            position += length
            if unitClass == Alphabet.space {
                // `\s+` is greedy, and no unit after it matches a space, so it takes the whole run.
                while position < text.count {
                    let (following, size) = try unit(at: position, text, &characters)
                    guard following == Alphabet.space else { break }
                    position += size
                }
            }
            node = child
            if tables.hasMarks(node) {
                path[noted] = (node, position)
                noted += 1
            }
        }
        return noted
    }

    /// The alphabet class of the character at `position` and its length in bytes.
    private func unit(
        at position: Int, _ text: UnsafeBufferPointer<UInt8>, _ characters: inout CharacterKinds
    ) throws(MatchError) -> (UInt8, Int) {
        let byte = text[position]
        if byte < 0x80 { return (tables.classOfByte[Int(byte)], 1) }
        let (scalar, length) = CharacterKinds.scalar(at: position, in: text)
        switch scalar {
        case 0x2019: return (Alphabet.quote, length)
        case 0x2010, 0x2011: return (Alphabet.hyphen, length)
        // The only characters beyond ASCII that PCRE2 matches caselessly with an ASCII letter.
        case 0x212A: return (tables.classOfByte[Int(UInt8(ascii: "k"))], length)
        case 0x017F: return (tables.classOfByte[Int(UInt8(ascii: "s"))], length)
        default:
            return (try characters.isSpace(startingAt: position) ? Alphabet.space : 0, length)
        }
    }
}

/// What takes the walker's callouts: the member (by number) and the range from start to node.
protocol CalloutReceiver {
    mutating func receive(_ member: Int, _ range: Range<Int>)
}

/// The trie's units numbered as classes of characters, from 1.
private struct Alphabet {
    private var literals: [UInt8: UInt8] = [:]
    private(set) var count = 4
    /// The three character sets' classes; literal characters are numbered after them. Constants
    /// rather than a stored tuple: a stored static is a lazy global, and the walk's inner loop would
    /// check that it was set up at every character.
    static var space: UInt8 { 1 }
    static var quote: UInt8 { 2 }
    static var hyphen: UInt8 { 3 }

    /// The class of one unit as `PhraseTrie` writes it, or nil if it is not one the walker knows.
    mutating func classOf(_ unit: String) -> UInt8? {
        switch unit {
        case "\\s+": return Self.space
        case "['’]": return Self.quote
        case "[-‐‑]": return Self.hyphen
        default:
            let literal = unit.count == 2 && unit.first == "\\" ? String(unit.dropFirst()) : unit
            guard literal.utf8.count == 1, let byte = literal.utf8.first, byte < 0x80, count < 255 else { return nil }
            let folded = Self.folded(byte)
            if let known = literals[folded] { return known }
            literals[folded] = UInt8(count)
            count += 1
            return UInt8(count - 1)
        }
    }

    /// The class of every ASCII byte.
    func byteClasses() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<UInt8(0x80) {
            if let literal = literals[Self.folded(byte)] { table[Int(byte)] = literal }
        }
        // PCRE2's `\s` in ASCII: space, tab, line feed, vertical tab, form feed and carriage return.
        for byte: UInt8 in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { table[Int(byte)] = Self.space }
        table[Int(UInt8(ascii: "'"))] = Self.quote
        table[Int(UInt8(ascii: "-"))] = Self.hyphen
        return table
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
