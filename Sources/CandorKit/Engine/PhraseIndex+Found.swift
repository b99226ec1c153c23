import PCRE2Kit

/// What the shared pass found and how it is filed: by rule, in text order.
extension PhraseIndex {
    /// What the shared pass found, by rule index (empty for a rule it found nothing of): phrase
    /// matches reduced to what each rule's own pattern would report, and the positions of each
    /// anchored or gated rule's words.
    struct Found: Sendable {
        let matches: ByRule<Range<Int>>
        let anchors: ByRule<Int>
        /// Where each of `leadWords` starts, by word, four bytes a place (a large article has
        /// millions); nil for a text too large to count in 32 bits, whose led rules search without them.
        let leads: ByRule<UInt32>?
    }

    /// Values filed by rule in one array, each rule's in the order they came: a document's rules
    /// found something in hundreds of small arrays before, each grown (and allocated) on its own.
    struct ByRule<Value: Sendable>: Sendable {
        private let starts: [Int]
        /// Every rule's values, each rule's together (see `range(of:)`).
        let values: [Value]

        /// Files the pending entries of `parts`, in turn, by rule (`unpack` reads an entry's rule and
        /// value), keeping their order within each rule. The parts are read in place: joined first,
        /// a large text's millions of entries would be held twice.
        init<Part: Collection>(
            _ parts: [Part], rules: Int, _ unpack: (Part.Element) -> (rule: Int32, value: Value)
        ) {
            var starts = [Int](repeating: 0, count: rules + 1)
            for part in parts {
                for pending in part { starts[Int(unpack(pending).rule) + 1] += 1 }
            }
            for rule in 0..<rules { starts[rule + 1] += starts[rule] }
            var next = starts
            let count = starts[rules]
            // Each slot is written exactly once: the counts above leave one per pending entry.
            values = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                for part in parts {
                    for pending in part {
                        let (rule, value) = unpack(pending)
                        (buffer.baseAddress! + next[Int(rule)]).initialize(to: value)
                        next[Int(rule)] += 1
                    }
                }
                initialized = count
            }
            self.starts = starts
        }

        subscript(rule: Int) -> ArraySlice<Value> { values[range(of: rule)] }

        func range(of rule: Int) -> Range<Int> { starts[rule]..<starts[rule + 1] }
    }
}
