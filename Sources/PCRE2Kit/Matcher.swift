internal import CPCRE2
import Foundation

/// Per-worker match state: match data, a match context carrying the resource limits, and a JIT stack.
///
/// A `Matcher` is deliberately not `Sendable`: each task creates its own so no two threads ever
/// write to the same match data.
public final class Matcher {
    /// Limits that bound the work of a single match attempt.
    public struct Limits: Sendable, Hashable {
        /// PCRE2's match limit: how many times its internal match function may be called.
        public var matchLimit: UInt32
        /// PCRE2's depth limit (backtracking depth, interpreter only).
        public var depthLimit: UInt32
        /// Heap memory PCRE2 may use for backtracking, in kibibytes.
        public var heapLimitKiB: UInt32
        /// Wall-clock time one pattern may spend on one subject, plus `timePerMegabyte` per MB of it.
        ///
        /// The match limit bounds one start position; a pattern that is slow at every position of a
        /// long line stays under it yet runs for minutes, so the scan also carries a time budget.
        public var timeBudget: Duration
        public var timePerMegabyte: Duration

        public init(
            matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000,
            timeBudget: Duration = .milliseconds(500), timePerMegabyte: Duration = .milliseconds(500)
        ) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
            self.heapLimitKiB = heapLimitKiB
            self.timeBudget = timeBudget
            self.timePerMegabyte = timePerMegabyte
        }

        /// The budget for a subject of `bytes` bytes.
        func budget(forBytes bytes: Int) -> Duration {
            timeBudget + timePerMegabyte * (Double(bytes) / 1_048_576)
        }
    }

    private static let ovectorPairs: UInt32 = 64
    /// How many bytes of start positions one PCRE2 call may try before the time budget is checked.
    private static let window = 2048
    private let limits: Limits
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    public init(limits: Limits = Limits()) {
        self.limits = limits
        matchData = pcre2_match_data_create_8(Self.ovectorPairs, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        // The default JIT stack lives on the machine stack and is small; give deep patterns room.
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Installs or removes the callout handler for this matcher's context.
    func setCallout(_ sink: UnsafeMutableRawPointer?) {
        guard let sink else {
            pcre2_set_callout_8(context, nil, nil)
            return
        }
        pcre2_set_callout_8(
            context,
            { block, data in
                guard let block, let data else { return 0 }
                let sink = data.assumingMemoryBound(to: CalloutSink.self)
                let start = Int(block.pointee.start_match)
                let end = Int(block.pointee.current_position)
                sink.pointee.body(Int(block.pointee.callout_number), start..<max(start, end))
                return 0
            }, sink)
    }

    /// The first match of `regex` in `subject` at or after `start`, or nil when there is none.
    ///
    /// `subject` must be valid UTF-8: the UTF check is skipped because it would otherwise rescan the
    /// whole subject on every call and make iterating matches quadratic.
    public func firstMatch(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, from start: Int
    ) throws(MatchError) -> Match? {
        try firstMatch(of: regex, in: subject, from: start, deadline: deadline(forScope: subject.count - start))
    }

    /// The first match starting between `start` and `latestStart` (inclusive), under the time budget:
    /// a search confined to one sentence stops at its end instead of running on through the text.
    public func firstMatch(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, from start: Int, within latestStart: Int
    ) throws(MatchError) -> Match? {
        guard latestStart >= start else { return nil }
        return try firstMatch(
            of: regex, in: subject, from: start,
            deadline: deadline(forScope: min(subject.count, latestStart - start) + 1),
            latestStart: latestStart)
    }

    /// When a search over `scope` bytes of start positions must give up, or nil for a scope within
    /// one window: its single PCRE2 call is bounded by the match limits, and the clock is never read
    /// (most searches, near a rule's words, are such; reading the clock was a tenth of their cost).
    private func deadline(forScope scope: Int) -> Deadline? {
        scope <= Self.window ? nil : Deadline(after: limits.budget(forBytes: scope))
    }

    /// Scans window by window so that the deadline is checked at least every `window` start positions.
    private func firstMatch(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, from start: Int, deadline: Deadline?,
        latestStart: Int = .max
    ) throws(MatchError) -> Match? {
        let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
        // The JIT's entry trusts its offset; `pcre2_match` would refuse this one with the same error.
        guard start <= subject.count else {
            throw MatchError(code: PCRE2_ERROR_BADOFFSET, message: pcre2Message(PCRE2_ERROR_BADOFFSET))
        }
        let end = min(subject.count, latestStart)
        var windowStart = start
        var deadline = deadline
        let runsJIT = regex.runsJIT()
        while true {
            let limit = min(Self.boundary(after: windowStart + Self.window, in: subject), end)
            pcre2_set_offset_limit_8(context, limit)
            // A JIT-compiled pattern is run by the JIT's own entry, which skips the checks that
            // `pcre2_match` repeats on every call (a rule is searched near each of its words, so
            // hundreds of times an article); the subject is valid UTF-8 (see above).
            let rc =
                runsJIT
                ? pcre2_jit_match_8(regex.code, base, subject.count, windowStart, 0, matchData, context)
                : pcre2_match_8(
                    regex.code, base, subject.count, windowStart, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
            if rc >= 0 { return readMatch(rc, regex: regex, start: windowStart) }
            if rc != PCRE2_ERROR_NOMATCH { throw MatchError(code: rc, message: pcre2Message(rc)) }
            if limit >= end { return nil }
            // A scope judged to fit one window never gets here; should one, its budget starts now.
            let due = deadline ?? Deadline(after: limits.budget(forBytes: end - start))
            deadline = due
            if due.hasPassed { throw MatchError.timeBudgetExceeded }
            windowStart = Self.boundary(after: limit + 1, in: subject)
        }
    }

    /// The first UTF-8 character boundary at or after `offset`, clamped to the subject.
    public static func boundary(after offset: Int, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        var position = min(offset, subject.count)
        while position < subject.count, subject[position] & 0xC0 == 0x80 { position += 1 }
        return position
    }

    private func readMatch(_ rc: Int32, regex: Regex, start: Int) -> Match {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        // rc is one more than the highest group that took part (0 when the ovector was too small);
        // groups beyond it, up to the pattern's count, did not take part.
        let setCount = rc == 0 ? Int(Self.ovectorPairs) : Int(rc)
        let groupCount = min(Int(Self.ovectorPairs), max(setCount, regex.groupSlots))
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(groupCount)
        for index in 0..<groupCount {
            guard index < setCount else {
                groups.append(nil)
                continue
            }
            let lower = Int(bitPattern: UInt(ovector[2 * index]))
            let upper = Int(bitPattern: UInt(ovector[2 * index + 1]))
            groups.append(lower < 0 || upper < lower ? nil : lower..<upper)
        }
        return Match(range: groups[0] ?? start..<start, groups: groups)
    }

    /// Every non-overlapping match of `regex` in `subject`, in order, calling `body` for each.
    ///
    /// `body` returns false to stop early. Empty matches advance by one Unicode scalar.
    /// With `latestStart`, only matches starting at or before it are visited, and the search never
    /// looks for a start beyond it.
    public func forEachMatch(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, within latestStart: Int = .max,
        _ body: (Match) -> Bool
    ) throws(MatchError) {
        let scope = latestStart == .max ? subject.count : min(subject.count, max(0, latestStart - start) + 1)
        let deadline = deadline(forScope: scope)
        var position = start
        while position <= min(subject.count, latestStart),
            let match = try firstMatch(
                of: regex, in: subject, from: position, deadline: deadline, latestStart: latestStart)
        {
            guard body(match) else { return }
            if match.range.isEmpty {
                position = match.range.upperBound + 1
                while position < subject.count, subject[position] & 0xC0 == 0x80 { position += 1 }
            } else {
                position = match.range.upperBound
            }
        }
    }
}

/// When a scan must give up, on the monotonic clock in nanoseconds: a plain number, where the
/// standard clock's instant, a type of another module, is copied and destroyed through its metadata
/// at every search (a rule searches near each of its words, hundreds of times an article).
struct Deadline {
    private let nanoseconds: UInt64

    init(after budget: Duration) {
        let (seconds, attoseconds) = budget.components
        let span =
            seconds >= Int64(UInt64.max / 2_000_000_000) ? UInt64.max / 2 : UInt64(max(0, seconds)) * 1_000_000_000
        nanoseconds = Self.now() &+ span &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    var hasPassed: Bool { Self.now() > nanoseconds }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// One match: the whole range and each capture group's range (nil when the group did not take part).
public struct Match: Sendable, Equatable {
    public let range: Range<Int>
    public let groups: [Range<Int>?]
}

/// A match that PCRE2 abandoned, typically because a resource limit was hit.
public struct MatchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    /// True when the failure is one of PCRE2's resource limits rather than a bug.
    public var isResourceLimit: Bool {
        [PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT]
            .contains(code) || self == .timeBudgetExceeded
    }

    /// Not a PCRE2 code: the scan ran past its wall-clock budget.
    static let timeBudgetExceeded = MatchError(code: -10_000, message: "time budget exceeded")

    public var description: String { message }
}

extension Matcher {
    /// Runs a pattern whose every path ends in a callout followed by failure, reporting each callout
    /// with the start of the attempt and the current position. One pass over the subject then
    /// enumerates every match of every alternative at every start position.
    public func forEachCallout(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, _ body: (_ number: Int, _ range: Range<Int>) -> Void
    ) throws(MatchError) {
        try withoutActuallyEscaping(body) { body throws(MatchError) in
            var sink = CalloutSink(body: body)
            try withUnsafeMutablePointer(to: &sink) { pointer throws(MatchError) in
                setCallout(UnsafeMutableRawPointer(pointer))
                defer { setCallout(nil) }
                _ = try firstMatch(of: regex, in: subject, from: 0)
            }
        }
    }
}

/// Where callouts deliver their reports during `forEachCallout`.
struct CalloutSink {
    let body: (Int, Range<Int>) -> Void
}

extension Matcher {
    /// This thread's matcher for `limits`, made on first use and kept for the thread's life: making
    /// one maps a fresh JIT stack, which costs more than matching a short article. A thread runs one
    /// audit at a time, and matches inside a match (an exception checked between a rule's matches)
    /// read their results before the next call, so sharing within the thread is safe.
    public static func forCurrentThread(limits: Limits = Limits()) -> Matcher {
        let matchers: ThreadMatchers
        if let stored = pthread_getspecific(threadMatchersKey) {
            matchers = Unmanaged<ThreadMatchers>.fromOpaque(stored).takeUnretainedValue()
        } else {
            matchers = ThreadMatchers()
            pthread_setspecific(threadMatchersKey, Unmanaged.passRetained(matchers).toOpaque())
        }
        if let cached = matchers.byLimits[limits] { return cached }
        let made = Matcher(limits: limits)
        matchers.byLimits[limits] = made
        return made
    }
}

/// One thread's matchers, by their limits, in the thread's own storage (looked up once per document,
/// so kept out of Foundation's thread dictionary and its string keys). Released when the thread ends.
private final class ThreadMatchers {
    var byLimits: [Matcher.Limits: Matcher] = [:]
}

private let threadMatchersKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { stored in
        guard let stored else { return }
        Unmanaged<ThreadMatchers>.fromOpaque(stored).release()
    }
    return key
}()
