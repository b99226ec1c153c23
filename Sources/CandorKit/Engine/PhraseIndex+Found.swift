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
        init<Pending>(_ parts: [[Pending]], rules: Int, _ unpack: (Pending) -> (rule: Int32, value: Value)) {
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

    /// Reduces callouts as they come (see `candidates`). A type of its own rather than a closure, so
    /// the walker is specialised for it and calls it directly, with no context to box.
    struct FoundBuilder: CalloutReceiver {
        private let index: PhraseIndex
        private var matches: [(rule: Int32, value: Range<Int>)] = []
        /// Rule and place packed in one word (the place in the low 40 bits), eight bytes an anchor.
        private var anchors: [UInt64] = []
        /// Lead word and place packed the same way, in one array rather than one grown per word;
        /// nil for a text too large to count its places in 32 bits.
        private var leads: [UInt64]?
        private var lastStart: [Int]
        private var keptEnd: [Int]
        private var lastAnchor: [Int]
        private var lastLead: [Int]

        init(index: PhraseIndex, textLength: Int) {
            self.index = index
            lastStart = Array(repeating: -1, count: index.ruleCount)
            keptEnd = Array(repeating: 0, count: index.ruleCount)
            lastAnchor = lastStart
            lastLead = Array(repeating: -1, count: index.leadWords.count)
            if textLength <= Int(UInt32.max) { leads = [] }
        }

        var found: Found { Self.found(joining: [self], index: index) }

        /// What builders over consecutive stretches of the text found, filed by rule in their order
        /// (read in place rather than joined first: a large text has millions of places).
        static func found(joining builders: [FoundBuilder], index: PhraseIndex) -> Found {
            let leads = builders.allSatisfy { $0.leads != nil } ? builders.map { $0.leads! } : nil
            return Found(
                matches: ByRule(builders.map(\.matches), rules: index.ruleCount) { $0 },
                anchors: ByRule(builders.map(\.anchors), rules: index.ruleCount) {
                    (Int32(truncatingIfNeeded: $0 >> 40), Int($0 & 0xFF_FFFF_FFFF))
                },
                leads: leads.map { leads in
                    ByRule(leads, rules: index.leadWords.count) {
                        (Int32(truncatingIfNeeded: $0 >> 40), UInt32(truncatingIfNeeded: $0))
                    }
                })
        }

        mutating func receive(_ member: Int, _ range: Range<Int>) {
            add(
                rule: index.memberRules[member], startsOnly: index.memberStartsOnly[member],
                leads: index.memberLeads[member], range)
        }

        mutating func add(rule: Int, startsOnly: Bool, leads isLead: Bool, _ range: Range<Int>) {
            // Two of a rule's words can start at the same place ("believe", "believed").
            if isLead {
                if lastLead[rule] != range.lowerBound { leads?.append(UInt64(rule) << 40 | UInt64(range.lowerBound)) }
                lastLead[rule] = range.lowerBound
                return
            }
            if startsOnly {
                if lastAnchor[rule] != range.lowerBound {
                    anchors.append(UInt64(rule) << 40 | UInt64(range.lowerBound))
                }
                lastAnchor[rule] = range.lowerBound
                return
            }
            guard !range.isEmpty, range.lowerBound != lastStart[rule] else { return }
            lastStart[rule] = range.lowerBound
            guard range.lowerBound >= keptEnd[rule] else { return }
            matches.append((Int32(rule), range))
            keptEnd[rule] = range.upperBound
        }
    }
}
