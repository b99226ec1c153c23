extension PhraseIndex {
    /// Reduces callouts as they come (see `candidates`). A type of its own rather than a closure, so
    /// the walker is specialised for it and calls it directly, with no context to box.
    ///
    /// It keeps its lists and each rule's last places in memory of its own, freed by `release()`
    /// once what it found is filed: every callout updates them, and as arrays each update checked
    /// that the array was not shared (a document has hundreds of callouts).
    struct FoundBuilder: CalloutReceiver {
        private let index: PhraseIndex
        private var matches = GrowingList<(rule: Int32, value: Range<Int>)>()
        /// Rule and place packed in one word (the place in the low 40 bits), eight bytes an anchor.
        private var anchors = GrowingList<UInt64>()
        /// Lead word and place packed the same way, in one list rather than one grown per word.
        private var leads = GrowingList<UInt64>()
        /// Whether the text is small enough to count its places in 32 bits, as leads are kept.
        private let keepsLeads: Bool
        /// By rule: the last start reported, the end of the last match kept, the last anchor; then
        /// by lead word, its last place.
        private let lastStart: UnsafeMutablePointer<Int>
        private let keptEnd: UnsafeMutablePointer<Int>
        private let lastAnchor: UnsafeMutablePointer<Int>
        private let lastLead: UnsafeMutablePointer<Int>

        init(index: PhraseIndex, textLength: Int) {
            self.index = index
            keepsLeads = textLength <= Int(UInt32.max)
            let rules = index.ruleCount
            let places = UnsafeMutablePointer<Int>.allocate(capacity: 3 * rules + index.leadWords.count)
            places.initialize(repeating: -1, count: 3 * rules + index.leadWords.count)
            (lastStart, keptEnd, lastAnchor, lastLead) = (
                places, places + rules, places + 2 * rules, places + 3 * rules
            )
            keptEnd.update(repeating: 0, count: rules)
        }

        /// Frees the builder's memory; it is not used again.
        func release() {
            lastStart.deallocate()
            matches.release()
            anchors.release()
            leads.release()
        }

        var found: Found { Self.found(joining: [self], index: index) }

        /// What builders over consecutive stretches of the text found, filed by rule in their order
        /// (read in place rather than joined first: a large text has millions of places).
        static func found(joining builders: [FoundBuilder], index: PhraseIndex) -> Found {
            Found(
                matches: ByRule(builders.map(\.matches.elements), rules: index.ruleCount) { $0 },
                anchors: ByRule(builders.map(\.anchors.elements), rules: index.ruleCount) {
                    (Int32(truncatingIfNeeded: $0 >> 40), Int($0 & 0xFF_FFFF_FFFF))
                },
                leads: builders.allSatisfy(\.keepsLeads)
                    ? ByRule(builders.map(\.leads.elements), rules: index.leadWords.count) {
                        (Int32(truncatingIfNeeded: $0 >> 40), UInt32(truncatingIfNeeded: $0))
                    } : nil)
        }

        mutating func receive(_ member: Int, _ range: Range<Int>) {
            let kind = index.memberKinds[member]
            add(rule: kind.rule, startsOnly: kind.startsOnly, leads: kind.leads, range)
        }

        mutating func add(rule: Int, startsOnly: Bool, leads isLead: Bool, _ range: Range<Int>) {
            // Two of a rule's words can start at the same place ("believe", "believed").
            if isLead {
                if keepsLeads, lastLead[rule] != range.lowerBound {
                    leads.append(UInt64(rule) << 40 | UInt64(range.lowerBound))
                }
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

    /// Each member's rule (or lead word) and kind, by callout number, in memory of its own: read at
    /// every callout, without an array's bounds checks.
    final class MemberKinds: @unchecked Sendable {
        private let packed: UnsafeMutableBufferPointer<Int>

        init(_ members: [Member]) {
            packed = .allocate(capacity: max(1, members.count))
            for (number, member) in members.enumerated() {
                packed[number] = member.rule << 2 | (member.startsOnly ? 2 : 0) | (member.leads ? 1 : 0)
            }
        }

        deinit { packed.deallocate() }

        @inline(__always)
        subscript(member: Int) -> (rule: Int, startsOnly: Bool, leads: Bool) {
            let value = packed[member]
            return (value >> 2, value & 2 != 0, value & 1 != 0)
        }
    }
}

/// A list grown in memory of its own, without the check an array makes on every append that its
/// storage is not shared; its owner frees it (`release()`).
struct GrowingList<Element> {
    private var base: UnsafeMutablePointer<Element>?
    private var count = 0
    private var capacity = 0

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base! + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let larger = max(64, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        if let base {
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        (base, capacity) = (moved, larger)
    }

    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    func release() {
        base?.deinitialize(count: count)
        base?.deallocate()
    }
}
