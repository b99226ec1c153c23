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
        var alphabet = Alphabet()
        var trie = WalkerTrie()
        for (number, member) in members.enumerated() {
            for phrase in member.words {
                guard let classes = alphabet.classes(of: phrase) else { return nil }
                trie.insert(classes, mark: number)
            }
        }
        let order = Self.layout(trie)
        var position = [Int](repeating: 0, count: order.count)
        for (place, id) in order.enumerated() { position[id] = place }
        // Each node's edges and marks are read in place: lists made for each of the trie's thousands
        // of nodes were 40% of the cost of building the walker.
        var edgeClasses: [UInt8] = []
        var edgeChildren: [Int32] = []
        var nodes: [WalkerTables.Node] = []
        nodes.reserveCapacity(order.count)
        var marks: [Int32] = []
        for id in order {
            var node = WalkerTables.Node(
                firstEdge: Int32(edgeClasses.count), edgeEnd: 0, firstMark: Int32(marks.count), firstPhrase: 0,
                markEnd: 0)
            var child = trie.firstChild(of: id)
            while child >= 0 {
                edgeClasses.append(trie.unitClass(of: child))
                edgeChildren.append(Int32(position[child]))
                child = trie.nextSibling(of: child)
            }
            node.edgeEnd = Int32(edgeClasses.count)
            for mark in trie.marks[id] where members[mark].startsOnly { marks.append(Int32(mark)) }
            node.firstPhrase = Int32(marks.count)
            for mark in trie.marks[id] where !members[mark].startsOnly { marks.append(Int32(mark)) }
            node.markEnd = Int32(marks.count)
            nodes.append(node)
        }
        tables = WalkerTables(
            classOfByte: alphabet.byteClasses(), classCount: alphabet.count, nodes: nodes, edgeClasses: edgeClasses,
            edgeChildren: edgeChildren, marks: marks, depth: trie.depth)
    }

    /// The order the nodes are laid out in: breadth first down to `breadthFirstLevels`, so the nodes
    /// near the root that nearly every walk passes through sit together at the front, and below that
    /// each subtree depth first, so a walk going deeper reads on along memory instead of jumping to
    /// the next level's far end (the shared pass over BBC took 5-6% less time than with the whole
    /// trie breadth first).
    static func layout(_ trie: WalkerTrie, breadthFirstLevels: Int = 3) -> [Int] {
        var order = [0]
        var level = 0..<1
        for _ in 0..<breadthFirstLevels {
            for place in level {
                var child = trie.firstChild(of: order[place])
                while child >= 0 {
                    order.append(child)
                    child = trie.nextSibling(of: child)
                }
            }
            level = level.upperBound..<order.count
        }
        // Each node, then its first child's subtree, then the subtrees of the siblings after it.
        var siblings: [Int] = []
        for place in level {
            var node = trie.firstChild(of: order[place])
            while node >= 0 {
                order.append(node)
                let sibling = trie.nextSibling(of: node)
                if sibling >= 0 { siblings.append(sibling) }
                node = trie.firstChild(of: node)
                if node < 0 { node = siblings.popLast() ?? -1 }
            }
        }
        return order
    }

    /// Hands `receiver` each callout the trie pattern would make over `text` from the starts in
    /// `starts` (all of them by default; otherwise from a cut, see `cuts`): start by start, and at
    /// each start deepest node first.
    func forEachCallout<Receiver: CalloutReceiver>(
        in text: UnsafeBufferPointer<UInt8>, starts: Range<Int>? = nil, matcher: Matcher, into receiver: inout Receiver
    ) throws(MatchError) {
        let starts = starts ?? 0..<text.count
        var characters = CharacterKinds(text: text, matcher: matcher, word: wordCharacter, space: spaceCharacter)
        let path = UnsafeMutableBufferPointer<(node: Int, end: Int)>.allocate(capacity: tables.depth + 1)
        defer { path.deallocate() }
        let (classOfByte, rootNext, marks) = (tables.classOfByte, tables.rootNext, tables.marks)
        let wordByte = tables.wordByte
        var start = starts.lowerBound
        // Whether the character before `start` is a word character, carried along rather than
        // looked back at: most bytes are inside words, and that settles them. A cut follows an
        // ASCII character, which says so by itself.
        var afterWord = start > 0 && wordByte[Int(text[start - 1] & 0x7F)]
        while start < starts.upperBound {
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
            if receiver.hasEnough { return }
        }
    }

    /// Places where `text` can be cut into about `pieces` stretches of starts that can be walked
    /// apart: each right after an ASCII character that no unit matches, which every walk stops
    /// before, so no match reaches across a cut and each stretch reports exactly what it would in
    /// one walk over the whole text. Starts and ends with the text's ends.
    func cuts(in text: UnsafeBufferPointer<UInt8>, pieces: Int) -> [Int] {
        var cuts = [0]
        let step = max(1, text.count / max(1, pieces))
        var next = step
        while next < text.count {
            var place = next
            while place < text.count, text[place - 1] >= 0x80 || tables.classOfByte[Int(text[place - 1])] != 0 {
                place += 1
            }
            if place < text.count { cuts.append(place) }
            next = max(place, next) + step
        }
        cuts.append(text.count)
        return cuts
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
    /// Whether the walk may stop: asked after each start's callouts.
    var hasEnough: Bool { get }
}

extension CalloutReceiver {
    var hasEnough: Bool { false }
}
