#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-thread cache of the language scores of whole words. A word's n-grams (orders 1–5) lie
/// inside it, so its score row is a function of its lower-cased letters alone; text repeats
/// words, and adding one row (UInt16 per language, SIMD) replaces hashing, probing and adding
/// the posting lists of about four n-grams per letter. Rows are exact sums, so results are
/// the same as without the cache.
///
/// Direct-mapped, keyed by the word's letters (16 bits each, at most ``maxLetters``): an
/// all-zero key matches no word. One cache per thread (cooperative threads live long), reset
/// when used with another model's tables. 2^16 entries (12 MB of address space for 75
/// languages) instead of 2^14: on the multilingual benchmark corpus the stage ran 10–15%
/// faster, since a word seen before is then more often still there. The entries are
/// anonymous pages, zero until written, so a thread that sees few words keeps few resident.
final class WordCache {
    /// Longest word cached: 16 letters score at most 70 n-grams × 255 < 2^16 per language.
    static let maxLetters = 16
    /// N-grams of a word of ``maxLetters`` letters: 1 + 2 + 3 + 4 + 5 × 12.
    static let maxNgrams = 70
    static let entryBits = 16
    private let byteCount: Int
    /// Whether `entries` are mapped pages (else allocated: mapping failed).
    private let mapped: Bool

    /// Language lanes per row: the number of languages rounded up to a multiple of 16 (as the
    /// model's dense rows, added 16 lanes at a time).
    let stride: Int
    /// Bytes per entry: 4 UInt64 of key, then `stride` UInt16 scores, in adjacent cache lines.
    let entryBytes: Int
    let entries: UnsafeMutableRawPointer
    private(set) var tables: LanguageModel.Tables

    private init(tables: LanguageModel.Tables, languages: Int) {
        let n = 1 << Self.entryBits
        stride = (languages + 15) & ~15
        entryBytes = (32 + 2 * stride + 31) & ~31
        byteCount = entryBytes * n
        // Page-aligned and zero-filled by the kernel on first touch.
        if let p = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
            entries = p
            mapped = true
        } else {
            entries = .allocate(byteCount: byteCount, alignment: 64)
            entries.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
            mapped = false
        }
        self.tables = tables
    }

    deinit {
        if mapped { munmap(entries, byteCount) } else { entries.deallocate() }
    }

    /// The entry for a word's key.
    @inline(__always)
    func slot(_ k0: UInt64, _ k1: UInt64, _ k2: UInt64, _ k3: UInt64) -> Int {
        let h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (k2 &* 0x1656_67B1_9E37_79F9) ^ (k3 &* 0x27D4_EB2F_1656_67C5)
        return Int(truncatingIfNeeded: h >> UInt64(64 - Self.entryBits))
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { p in
            #if canImport(Darwin)
            Unmanaged<WordCache>.fromOpaque(p).release()
            #else
            if let p { Unmanaged<WordCache>.fromOpaque(p).release() }
            #endif
        }
        precondition(rc == 0, "pthread_key_create failed")
        return key
    }()

    /// This thread's cache, for `tables`.
    static func current(for tables: LanguageModel.Tables, languages: Int) -> WordCache {
        if let p = pthread_getspecific(key) {
            let cache = Unmanaged<WordCache>.fromOpaque(p).takeUnretainedValue()
            if cache.tables === tables { return cache }
            pthread_setspecific(key, nil)
            Unmanaged<WordCache>.fromOpaque(p).release()
        }
        let cache = WordCache(tables: tables, languages: languages)
        pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}
