extension TextCleaner {
    /// The Unicode normalization form the cleaner applies.
    public enum Normalization: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Leave the text as it is.
        case none
        /// Canonical composition (the default).
        case nfc
        /// Compatibility composition: also folds ligatures, full-width forms, superscripts.
        case nfkc
    }

    /// What the cleaner does; each step can be turned off from the pipeline file.
    public struct Options: Sendable, Equatable, Hashable {
        /// The normalization form of the output.
        public var normalization: Normalization = .nfc
        /// Remove C0/C1 controls, zero-width characters (not ZWNJ/ZWJ), BOMs, soft hyphens and
        /// bidi controls; turn tabs into spaces.
        public var removeControl = true
        /// Turn Unicode spaces (U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000) into ASCII spaces.
        public var normalizeSpaces = true
        /// Collapse runs of spaces to one.
        public var collapseSpaces = true
        /// Trim spaces at the start and end of each line, and blank lines at the start and end of the text.
        public var trimLines = true
        /// The most blank lines kept between paragraphs; negative keeps them all.
        public var maxBlankLines = 1
        /// Lift a trailing line of only hashtags into ``CleanedText/tags``.
        public var liftHashtags = true
        /// Lift a leading or trailing line of only a timestamp into ``CleanedText/date``.
        public var liftTimestamp = true
        /// Repair mojibake: UTF-8 decoded as Windows-1252 or Latin-1, once or twice (`MojibakeRepair`).
        public var repairMojibake = true
        /// Decode HTML entities: all HTML5 named ones (with `;`) and numeric ones.
        public var htmlEntities = true
        /// Drop inline HTML tags and comments, turn block tags into line breaks, remove
        /// `<script>`/`<style>` elements with their content.
        public var htmlTags = true
        /// Remove whole boilerplate lines (share, follow, subscribe, read more, ads, cookies, copyright).
        public var removeBoilerplate = true
        /// Boilerplate patterns added to the compiled-in defaults (syntax of `boilerplate.txt`).
        public var boilerplatePatterns: [String] = []
        /// Use only ``boilerplatePatterns``, not the compiled-in defaults.
        public var replaceDefaultBoilerplate = false
        /// Repair punctuation artifacts (space before `, . ; :`, `. ,`, `[…]we`).
        public var fixPunctuation = true
        /// Keep no-break spaces before `; : ! ? »` and after `«` (French typography) unless the
        /// record's language is known and is not French.
        public var frenchSpacing = true

        /// Options; every step is on by default, with NFC normalization.
        public init(
            normalization: Normalization = .nfc,
            removeControl: Bool = true,
            normalizeSpaces: Bool = true,
            collapseSpaces: Bool = true,
            trimLines: Bool = true,
            maxBlankLines: Int = 1,
            liftHashtags: Bool = true,
            liftTimestamp: Bool = true
        ) {
            self.normalization = normalization
            self.removeControl = removeControl
            self.normalizeSpaces = normalizeSpaces
            self.collapseSpaces = collapseSpaces
            self.trimLines = trimLines
            self.maxBlankLines = maxBlankLines
            self.liftHashtags = liftHashtags
            self.liftTimestamp = liftTimestamp
        }
    }
}
