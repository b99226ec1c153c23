/// The phrase walker's trie laid out for the walk, in memory of its own, read without bounds checks
/// or reference counting on the hot path; built once per ruleset and never changed, so shared by
/// every worker.
///
/// Each node is one record of 32-bit words: where its callouts start, where its phrases start, where
/// they end, how many edges it has, then the edges themselves, each a child's record and a class.
/// A step of the walk then reads one record, usually within one cache line: with the nodes, their
/// edges and their children in separate arrays, half the walk's time went to waiting on memory.
final class WalkerTables: @unchecked Sendable {
    /// A node as the walker's builder describes it, before it is laid out.
    struct Node {
        var firstEdge: Int32
        var edgeEnd: Int32
        var firstMark: Int32
        /// Marks from here on are phrases, reported only where the next character is no word's.
        var firstPhrase: Int32
        var markEnd: Int32
    }

    /// What each ASCII byte is in the trie's alphabet (letters folded); 0: no unit matches it.
    let classOfByte: UnsafeMutableBufferPointer<UInt8>
    /// Whether each ASCII byte is a word character (`\w`).
    let wordByte: UnsafeMutableBufferPointer<Bool>
    /// The record of the root's child for each class, or 0 (the root's own record, nobody's child).
    let rootNext: UnsafeMutableBufferPointer<Int32>
    private let records: UnsafeMutableBufferPointer<Int32>
    /// Children by class for the nodes with many edges (near the root), which a walk would otherwise
    /// search edge by edge; such a node's edge count is the negated row number, less one.
    private let denseRows: UnsafeMutableBufferPointer<Int32>
    private let classCount: Int
    /// Callout numbers, each node's word starts first and then its phrases.
    let marks: UnsafeMutableBufferPointer<Int32>
    /// The most nodes with callouts one walk can pass.
    let depth: Int

    private static let denseFrom = 6
    private static let header = 4

    init(
        classOfByte: [UInt8], classCount: Int, nodes: [Node], edgeClasses: [UInt8], edgeChildren: [Int32],
        marks: [Int32], depth: Int
    ) {
        var offsets: [Int32] = []
        var size = 0
        for node in nodes {
            offsets.append(Int32(size))
            let edges = Int(node.edgeEnd - node.firstEdge)
            size += Self.header + (edges >= Self.denseFrom ? 0 : edges)
        }
        var records: [Int32] = []
        records.reserveCapacity(size)
        var denseRows: [Int32] = []
        for node in nodes {
            let edges = Int(node.firstEdge)..<Int(node.edgeEnd)
            records += [node.firstMark, node.firstPhrase, node.markEnd]
            if edges.count >= Self.denseFrom {
                records.append(-Int32(denseRows.count / classCount) - 1)
                var row = [Int32](repeating: 0, count: classCount)
                for edge in edges { row[Int(edgeClasses[edge])] = offsets[Int(edgeChildren[edge])] }
                denseRows += row
            } else {
                records.append(Int32(edges.count))
                for edge in edges { records.append(offsets[Int(edgeChildren[edge])] << 8 | Int32(edgeClasses[edge])) }
            }
        }
        var rootNext = [Int32](repeating: 0, count: classCount)
        for edge in Int(nodes[0].firstEdge)..<Int(nodes[0].edgeEnd) {
            rootNext[Int(edgeClasses[edge])] = offsets[Int(edgeChildren[edge])]
        }
        self.classOfByte = Self.copy(classOfByte)
        self.wordByte = Self.copy((0..<128).map { CharacterKinds.isASCIIWord(UInt8($0)) })
        self.rootNext = Self.copy(rootNext)
        self.records = Self.copy(records)
        self.denseRows = Self.copy(denseRows)
        self.classCount = classCount
        self.marks = Self.copy(marks)
        self.depth = depth
    }

    deinit {
        classOfByte.deallocate()
        wordByte.deallocate()
        rootNext.deallocate()
        records.deallocate()
        denseRows.deallocate()
        marks.deallocate()
    }

    /// The record of the child of the node at `node` along `unitClass`, or 0 if it has none.
    @inline(__always)
    func child(of node: Int, _ unitClass: UInt8) -> Int {
        let edges = Int(records[node + 3])
        if edges < 0 { return Int(denseRows[(-edges - 1) * classCount + Int(unitClass)]) }
        var edge = node + Self.header
        let end = edge + edges
        while edge < end {
            let packed = records[edge]
            if UInt8(truncatingIfNeeded: packed) == unitClass { return Int(packed >> 8) }
            edge += 1
        }
        return 0
    }

    @inline(__always)
    func hasMarks(_ node: Int) -> Bool { records[node] != records[node + 2] }

    /// The node's callouts: `first..<phrases` report word starts, `phrases..<end` phrases.
    @inline(__always)
    func marks(of node: Int) -> (first: Int, phrases: Int, end: Int) {
        (Int(records[node]), Int(records[node + 1]), Int(records[node + 2]))
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
