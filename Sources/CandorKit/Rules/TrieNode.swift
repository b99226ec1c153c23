/// A node of a trie over regular-expression fragments; `marks` lists what ends at this node (a
/// phrase of one rule, or the callout numbers of several).
final class TrieNode {
    var children: [String: TrieNode] = [:]
    var marks: [Int] = []

    func insert(_ units: [String], mark: Int) {
        var node = self
        for unit in units {
            if let child = node.children[unit] {
                node = child
            } else {
                let child = TrieNode()
                node.children[unit] = child
                node = child
            }
        }
        if !node.marks.contains(mark) { node.marks.append(mark) }
    }
}
