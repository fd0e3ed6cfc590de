/// The element names the HTML-residue step treats as tags, and what each tag becomes.
///
/// HTML (current and obsolete), SVG and MathML names are known; custom elements
/// (`<user-reactions>`) are recognized by their shape (``isCustomName(_:)``).
enum HTMLElementNames {
    /// What a tag of an element becomes in the text.
    enum Kind: Equatable {
        /// Dropped (`<b>`, `<span>`, SVG shapes, custom elements: browsers show unknown elements inline).
        case inline
        /// A line break (`<br>`).
        case lineBreak
        /// Line breaks around it: 1 (`<div>`, `<li>`) or 2 (`<p>`).
        case block(Int)
        /// Removed with its content up to the first closing tag (`<script>`, `<style>`,
        /// `<textarea>`…: their content is text, not markup, so nothing nests inside).
        case rawText
        /// Removed with its content up to the matching closing tag, nesting counted (`<svg>`,
        /// `<math>`, `<select>`, `<template>`, `<object>`); the index in ``containers``.
        case container(Int)
    }

    struct Entry {
        var kind: Kind
        /// A name that is also an everyday word or placeholder (`<input>`, `<output>`,
        /// `<pattern>`, `<address>`): a bare opening tag, without attributes, counts only
        /// when a closing tag of the same name follows, so `cmd <input> <output>` stays.
        /// Void elements have no closing tag, so only those that are common placeholders are
        /// word-like (`<input>`, `<source>`); a bare `<meta>` or `<col>` is a tag.
        var wordLike: Bool
    }

    /// Elements removed with their content whose tags nest (`<svg>` inside `<svg>`).
    static let containers: [[UInt8]] = ["svg", "math", "select", "template", "object"].map { Array($0.utf8) }

    /// Known element names (lowercase) and their entries.
    static let table: [[UInt8]: Entry] = {
        var d: [[UInt8]: Entry] = [:]
        func add(_ words: String, _ kind: Kind) {
            for w in words.split(separator: " ") { d[Array(w.utf8)] = Entry(kind: kind, wordLike: false) }
        }
        // HTML, current and obsolete.
        add("a abbr acronym applet area audio base b basefont bdi bdo bgsound big blink button canvas cite code col colgroup data datalist del dfn em embed font frame i img image input ins kbd keygen label link map mark marquee meta meter nobr optgroup option output param picture progress q rb rp rt rtc ruby s samp slot small source spacer span strike strong sub sup time title track tt u var video wbr html head body", .inline)
        add("address article aside blockquote caption center dd details dialog dir div dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr legend li listing main menu nav ol plaintext pre search section summary table tbody td tfoot th thead tr ul xmp", .block(1))
        d[Array("p".utf8)] = Entry(kind: .block(2), wordLike: false)
        d[Array("br".utf8)] = Entry(kind: .lineBreak, wordLike: false)
        add("script style textarea iframe noscript noembed noframes", .rawText)
        for (k, name) in containers.enumerated() { d[name] = Entry(kind: .container(k), wordLike: false) }
        // SVG and MathML inside an `<svg>` or `<math>` that is not closed (lowercased, as
        // names are compared: `linearGradient` → `lineargradient`).
        add("path g circle rect ellipse line polyline polygon defs use symbol lineargradient radialgradient stop clippath mask pattern filter text tspan textpath foreignobject desc marker view", .inline)
        add("mi mo mn ms mrow msup msub msubsup mfrac msqrt mroot mtext mtable mtr mtd munder mover munderover mspace mstyle mpadded mphantom menclose semantics annotation", .inline)
        let words = "address area base caption code data dialog filter form frame image input label legend line link map mask menu meter object option output path pattern progress search select slot source stop summary symbol table template text time title track use view"
        for w in words.split(separator: " ") {
            assert(d[Array(w.utf8)] != nil, "word-like name \(w) is not in the table")
            d[Array(w.utf8)]?.wordLike = true
        }
        return d
    }()

    /// Whether `name` (as written) is a valid custom element name: a lowercase ASCII letter,
    /// then lowercase letters, digits, `-`, `.`, `_`, with at least one `-` (the HTML rule,
    /// restricted to ASCII; `<Ctrl-C>` is not one).
    static func isCustomName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first, first >= 0x61 && first <= 0x7A else { return false }
        var hyphen = false
        for c in name {
            if c == 0x2D { hyphen = true; continue }
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F else { return false }
        }
        return hyphen
    }
}
