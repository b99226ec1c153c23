/// The phrase walker's tables in memory of their own, read without bounds checks or reference
/// counting on the hot path; built once per ruleset and never changed, so shared by every worker.
final class WalkerTables: @unchecked Sendable {
    struct Node {
        var firstEdge: Int32
        var edgeEnd: Int32
        /// Where the node's row starts in `denseRows`, or -1 for a node with few edges.
        var row: Int32
        var firstMark: Int32
        /// Marks from here on are phrases, reported only where the next character is no word's.
        var firstPhrase: Int32
        var markEnd: Int32
    }

    /// What each ASCII byte is in the trie's alphabet (letters folded); 0: no unit matches it.
    let classOfByte: UnsafeMutableBufferPointer<UInt8>
    /// Whether each ASCII byte is a word character (`\w`).
    let wordByte: UnsafeMutableBufferPointer<Bool>
    /// The root's child for each class, or 0 (the root is nobody's child): every start looks here.
    let rootNext: UnsafeMutableBufferPointer<Int32>
    /// Every node's place in the edges and marks, kept small and together: a table of every class for
    /// every node was measured at five times the memory and spent half its time in cache misses.
    let nodes: UnsafeMutableBufferPointer<Node>
    let edgeClasses: UnsafeMutableBufferPointer<UInt8>
    let edgeChildren: UnsafeMutableBufferPointer<Int32>
    /// Rows of children by class for the nodes with many edges (near the root), which a walk would
    /// otherwise search edge by edge.
    let denseRows: UnsafeMutableBufferPointer<Int32>
    /// Callout numbers, each node's word starts first and then its phrases.
    let marks: UnsafeMutableBufferPointer<Int32>
    /// The most nodes with callouts one walk can pass.
    let depth: Int

    init(
        classOfByte: [UInt8], rootNext: [Int32], nodes: [Node], edgeClasses: [UInt8], edgeChildren: [Int32],
        denseRows: [Int32], marks: [Int32], depth: Int
    ) {
        self.classOfByte = Self.copy(classOfByte)
        self.wordByte = Self.copy((0..<128).map { CharacterKinds.isASCIIWord(UInt8($0)) })
        self.rootNext = Self.copy(rootNext)
        self.nodes = Self.copy(nodes)
        self.edgeClasses = Self.copy(edgeClasses)
        self.edgeChildren = Self.copy(edgeChildren)
        self.denseRows = Self.copy(denseRows)
        self.marks = Self.copy(marks)
        self.depth = depth
    }

    deinit {
        classOfByte.deallocate()
        wordByte.deallocate()
        rootNext.deallocate()
        nodes.deallocate()
        edgeClasses.deallocate()
        edgeChildren.deallocate()
        denseRows.deallocate()
        marks.deallocate()
    }

    /// The child of `node` along `unitClass`, or 0: below the root most nodes have one or two edges.
    @inline(__always)
    func child(of node: Int, _ unitClass: UInt8) -> Int {
        let entry = nodes[node]
        if entry.row >= 0 { return Int(denseRows[Int(entry.row) + Int(unitClass)]) }
        var edge = Int(entry.firstEdge)
        while edge < Int(entry.edgeEnd) {
            if edgeClasses[edge] == unitClass { return Int(edgeChildren[edge]) }
            edge += 1
        }
        return 0
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
