/// The phrase walker's trie while it is built: nodes numbered from the root (0), each child found by
/// its parent and unit class in one table, and a node's children chained through `firstChild` and
/// `nextSibling`. Building it makes no object per node: a trie of class instances, each with its own
/// dictionary keyed by units spelt as strings, was most of what the walker cost at start-up.
struct WalkerTrie {
    private var childOf: [Int: Int] = [:]
    private var firstChild = [-1]
    private var nextSibling = [-1]
    private var unitClass: [UInt8] = [0]
    /// What ends at each node, in the order it was added, each once.
    private(set) var marks: [[Int]] = [[]]
    /// The most units in one phrase.
    private(set) var depth = 0

    mutating func insert(_ classes: [UInt8], mark: Int) {
        var node = 0
        for unit in classes {
            let key = node << 8 | Int(unit)
            if let child = childOf[key] {
                node = child
                continue
            }
            let child = unitClass.count
            childOf[key] = child
            unitClass.append(unit)
            firstChild.append(-1)
            marks.append([])
            nextSibling.append(firstChild[node])
            firstChild[node] = child
            node = child
        }
        depth = max(depth, classes.count)
        if !marks[node].contains(mark) { marks[node].append(mark) }
    }

    /// The class of the unit leading to the node.
    func unitClass(of node: Int) -> UInt8 { unitClass[node] }

    /// The node's first child, or -1.
    func firstChild(of node: Int) -> Int { firstChild[node] }

    /// The next of its parent's children, or -1: a node's children run from its first child along these.
    func nextSibling(of node: Int) -> Int { nextSibling[node] }
}

/// The trie's units numbered as classes of characters, from 1.
struct Alphabet {
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
            guard literal.utf8.count == 1, let byte = literal.utf8.first, byte < 0x80 else { return nil }
            return literalClass(byte)
        }
    }

    /// The classes of a phrase's units, as `classOf` gives them for `PhraseTrie.units(of:)`. An ASCII
    /// phrase is read from its characters (`PhraseTrie.asciiCharacters`), without making a string of
    /// each unit: start-up reads every word of every rule.
    mutating func classes(of phrase: String) -> [UInt8]? {
        guard let characters = PhraseTrie.asciiCharacters(of: phrase) else { return classesOfUnits(phrase) }
        var classes: [UInt8] = []
        for character in characters {
            switch character {
            case 0x20: classes.append(Self.space)
            case UInt8(ascii: "'"): classes.append(Self.quote)
            case UInt8(ascii: "-"): classes.append(Self.hyphen)
            default:
                guard let literal = literalClass(character) else { return nil }
                classes.append(literal)
            }
        }
        return classes
    }

    private mutating func classesOfUnits(_ phrase: String) -> [UInt8]? {
        var classes: [UInt8] = []
        for unit in PhraseTrie.units(of: phrase) {
            guard let unitClass = classOf(unit) else { return nil }
            classes.append(unitClass)
        }
        return classes
    }

    /// The class of an ASCII character matched caselessly; nil once the classes run out.
    private mutating func literalClass(_ byte: UInt8) -> UInt8? {
        guard count < 255 else { return nil }
        let folded = Self.folded(byte)
        if let known = literals[folded] { return known }
        literals[folded] = UInt8(count)
        count += 1
        return UInt8(count - 1)
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
