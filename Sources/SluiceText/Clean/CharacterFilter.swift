/// The byte-level pass of the cleaner: one walk over UTF-8 that normalizes line breaks,
/// drops invisible characters, turns Unicode spaces into ASCII spaces, collapses runs of
/// spaces, trims lines and limits blank lines.
///
/// The pass writes nothing while its output is still identical to a prefix of the input;
/// a clean text therefore costs one read and no allocation.
struct CharacterFilter {
    /// The outcome of ``run(_:)``.
    struct Result {
        /// The rewritten bytes, or `nil` when the output is the first `count` input bytes.
        var bytes: [UInt8]?
        /// The length of the output (of `bytes`, or of the input prefix).
        var count: Int
        /// Whether the output holds a byte ≥ 0x80.
        var nonASCII = false
        var newlinesNormalized = 0
        var controlRemoved = 0
        var zeroWidthRemoved = 0
        var spacesNormalized = 0
        var spacesCollapsed = 0
        var spacesTrimmed = 0
        var blankLinesRemoved = 0

        /// Whether the output differs from the whole input.
        func changed(inputCount: Int) -> Bool { bytes != nil || count != inputCount }

        /// Adds the non-zero counts to `counters`.
        func report(into counters: inout Counters) {
            counters.add(CleanCounter.newlinesNormalized, newlinesNormalized)
            counters.add(CleanCounter.controlRemoved, controlRemoved)
            counters.add(CleanCounter.zeroWidthRemoved, zeroWidthRemoved)
            counters.add(CleanCounter.spacesNormalized, spacesNormalized)
            counters.add(CleanCounter.spacesCollapsed, spacesCollapsed)
            counters.add(CleanCounter.spacesTrimmed, spacesTrimmed)
            counters.add(CleanCounter.blankLinesRemoved, blankLinesRemoved)
        }
    }

    /// What a special (non-content) scalar turns into.
    enum Special {
        case space, newline, control, zeroWidth
    }

    let removeControl: Bool
    let normalizeSpaces: Bool
    let collapseSpaces: Bool
    let trimLines: Bool
    /// Blank lines kept between paragraphs; negative keeps all.
    let maxBlankLines: Int

    init(options: TextCleaner.Options) {
        removeControl = options.removeControl
        normalizeSpaces = options.normalizeSpaces
        collapseSpaces = options.collapseSpaces
        trimLines = options.trimLines
        maxBlankLines = options.maxBlankLines
    }

    /// Filters the UTF-8 bytes `input`, which must be valid UTF-8.
    func run(_ input: UnsafeBufferPointer<UInt8>) -> Result {
        var w = Writer(input: input)
        var r = Result(bytes: nil, count: 0)
        let n = input.count
        // Line state: spaces seen but not yet written, whether the line has content.
        var pendingSpaces = 0
        var lineHasContent = false
        // Document state: newlines seen after the last content, not yet written.
        var pendingNewlines = 0
        var docHasContent = false

        @inline(__always) func flushNewlines() {
            guard pendingNewlines > 0 else { return }
            var keep: Int
            if docHasContent {
                keep = maxBlankLines < 0 ? pendingNewlines : min(pendingNewlines, maxBlankLines + 1)
            } else if trimLines {
                keep = 0
            } else {
                keep = maxBlankLines < 0 ? pendingNewlines : min(pendingNewlines, maxBlankLines)
            }
            w.emit(0x0A, times: keep)
            r.blankLinesRemoved += pendingNewlines - keep
            pendingNewlines = 0
        }

        @inline(__always) func flushSpaces() {
            guard pendingSpaces > 0 else { return }
            if trimLines && !lineHasContent {
                r.spacesTrimmed += 1
            } else if collapseSpaces {
                if pendingSpaces > 1 { r.spacesCollapsed += 1 }
                w.emit(0x20, times: 1)
            } else {
                w.emit(0x20, times: pendingSpaces)
            }
            pendingSpaces = 0
        }

        @inline(__always) func space() {
            if !trimLines { flushNewlines(); lineHasContent = true }
            pendingSpaces += 1
        }

        @inline(__always) func newline() {
            if trimLines {
                if pendingSpaces > 0 { r.spacesTrimmed += 1; pendingSpaces = 0 }
            } else {
                flushSpaces()
            }
            pendingNewlines += 1
            lineHasContent = false
        }

        @inline(__always) func content(_ start: Int, _ end: Int) {
            flushNewlines()
            flushSpaces()
            w.emit(start, end)
            lineHasContent = true
            docHasContent = true
        }

        var i = 0
        while i < n {
            let b = input[i]
            if b >= 0x21 && b != 0x7F {
                // A run of content: visible ASCII and non-ASCII scalars that are not special.
                let start = i
                while i < n {
                    let c = input[i]
                    if c < 0x80 {
                        if c < 0x21 || c == 0x7F { break }
                        i += 1
                    } else {
                        if special(input, i) != nil { break }
                        r.nonASCII = true
                        i += Self.scalarLength(c)
                    }
                }
                if i > start { content(start, i); continue }
                // The run stopped at once on a special scalar.
                let (kind, len) = special(input, i)!
                switch kind {
                case .space: r.spacesNormalized += 1; space()
                case .newline: r.newlinesNormalized += 1; newline()
                case .control: r.controlRemoved += 1
                case .zeroWidth: r.zeroWidthRemoved += 1
                }
                i += len
                continue
            }
            switch b {
            case 0x20:
                space(); i += 1
            case 0x0A:
                newline(); i += 1
            case 0x0D:
                r.newlinesNormalized += 1
                newline()
                i += (i + 1 < n && input[i + 1] == 0x0A) ? 2 : 1
            case 0x09 where removeControl:
                r.spacesNormalized += 1; space(); i += 1
            default:
                // Other C0 controls and DEL.
                if removeControl {
                    r.controlRemoved += 1
                } else {
                    content(i, i + 1)
                }
                i += 1
            }
        }
        // End of the document.
        if trimLines {
            if pendingSpaces > 0 { r.spacesTrimmed += 1 }
            r.blankLinesRemoved += pendingNewlines
        } else {
            if pendingNewlines > 0 {
                // n trailing newlines end the last line and leave n - 1 blank lines.
                let keep = maxBlankLines < 0 ? pendingNewlines : min(pendingNewlines, maxBlankLines + 1)
                w.emit(0x0A, times: keep)
                r.blankLinesRemoved += pendingNewlines - keep
            }
            flushSpaces()
        }
        r.bytes = w.out
        r.count = w.count
        return r
    }

    /// Classifies the non-ASCII scalar at `i` when it is one the filter rewrites.
    @inline(__always)
    func special(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Special, Int)? {
        let lead = p[i]
        switch lead {
        case 0xC2:
            let b1 = p[i + 1]
            if b1 == 0xA0 { return normalizeSpaces ? (.space, 2) : nil }
            guard removeControl else { return nil }
            if b1 == 0x85 { return (.newline, 2) }  // NEL
            if b1 < 0xA0 { return (.control, 2) }   // C1 controls
            if b1 == 0xAD { return (.zeroWidth, 2) }  // soft hyphen
            return nil
        case 0xE1:
            // U+1680 OGHAM SPACE MARK
            if normalizeSpaces && p[i + 1] == 0x9A && p[i + 2] == 0x80 { return (.space, 3) }
            return nil
        case 0xE2:
            let b1 = p[i + 1], b2 = p[i + 2]
            if b1 == 0x80 {
                switch b2 {
                case 0x80...0x8A, 0xAF:  // U+2000–U+200A, U+202F
                    return normalizeSpaces ? (.space, 3) : nil
                case 0x8B:  // U+200B ZERO WIDTH SPACE
                    return removeControl ? (.zeroWidth, 3) : nil
                case 0x8E, 0x8F, 0xAA...0xAE:  // LRM, RLM, U+202A–U+202E
                    return removeControl ? (.control, 3) : nil
                default:
                    return nil
                }
            }
            if b1 == 0x81 {
                switch b2 {
                case 0x9F:  // U+205F MEDIUM MATHEMATICAL SPACE
                    return normalizeSpaces ? (.space, 3) : nil
                case 0xA0:  // U+2060 WORD JOINER
                    return removeControl ? (.zeroWidth, 3) : nil
                case 0xA6...0xA9:  // U+2066–U+2069 bidi isolates
                    return removeControl ? (.control, 3) : nil
                default:
                    return nil
                }
            }
            return nil
        case 0xE3:
            // U+3000 IDEOGRAPHIC SPACE
            if normalizeSpaces && p[i + 1] == 0x80 && p[i + 2] == 0x80 { return (.space, 3) }
            return nil
        case 0xEF:
            // U+FEFF BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
            if removeControl && p[i + 1] == 0xBB && p[i + 2] == 0xBF { return (.zeroWidth, 3) }
            return nil
        default:
            return nil
        }
    }

    /// The length of the UTF-8 sequence that starts with `lead`.
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

/// Output of the filter that materializes only once it differs from the input.
private struct Writer {
    let input: UnsafeBufferPointer<UInt8>
    /// `nil` while the output equals `input[0..<count]`.
    var out: [UInt8]?
    var count = 0

    init(input: UnsafeBufferPointer<UInt8>) { self.input = input }

    /// Writes the input bytes `start..<end`.
    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int) {
        if out == nil {
            if start == count { count = end - start + count; return }
            diverge()
        }
        out!.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
        count += end - start
    }

    /// Writes `byte` `times` times.
    @inline(__always)
    mutating func emit(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        if out == nil {
            var k = 0
            while k < times && count < input.count && input[count] == byte { count += 1; k += 1 }
            if k == times { return }
            diverge()
            for _ in k..<times { out!.append(byte) }
            count += times - k
            return
        }
        for _ in 0..<times { out!.append(byte) }
        count += times
    }

    /// Starts writing: copies the identical prefix.
    private mutating func diverge() {
        var o = [UInt8]()
        o.reserveCapacity(input.count)
        o.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<count]))
        out = o
    }
}
