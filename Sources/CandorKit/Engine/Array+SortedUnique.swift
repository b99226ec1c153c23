extension Array where Element: Comparable {
    /// Sorts the elements from `first` on and keeps each value there once, in place: the places a
    /// search gathers from several lists, the sentences that hold findings.
    mutating func sortAndRemoveDuplicates(from first: Int = 0) {
        guard count - first > 1 else { return }
        self[first...].sort()
        var write = first
        for read in first..<count where write == first || self[read] != self[write - 1] {
            self[write] = self[read]
            write += 1
        }
        removeSubrange(write...)
    }
}
