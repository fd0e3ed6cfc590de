/// The names of the counters the clean stage reports (stable `snake_case` identifiers).
public enum CleanCounter {
    /// `\r\n`, lone `\r` and NEL (U+0085) turned into `\n`.
    public static let newlinesNormalized = "newlines_normalized"
    /// C0 controls (except `\n`, `\t`), DEL, C1 controls and bidi controls removed.
    public static let controlRemoved = "control_removed"
    /// U+200B, U+2060, U+FEFF and soft hyphens removed.
    public static let zeroWidthRemoved = "zero_width_removed"
    /// Tabs and Unicode spaces turned into ASCII spaces.
    public static let spacesNormalized = "spaces_normalized"
    /// Runs of two or more spaces collapsed to one.
    public static let spacesCollapsed = "spaces_collapsed"
    /// Runs of spaces removed at the start or end of a line.
    public static let spacesTrimmed = "spaces_trimmed"
    /// Newlines removed: blank lines over the limit and blank lines at the start or end.
    public static let blankLinesRemoved = "blank_lines_removed"
    /// Texts that changed under NFC.
    public static let nfcNormalized = "nfc_normalized"
    /// Texts that changed under NFKC.
    public static let nfkcNormalized = "nfkc_normalized"
    /// Trailing hashtag lines lifted into tags.
    public static let hashtagLines = "hashtag_lines"
    /// Leading or trailing timestamp lines lifted into the date.
    public static let timestampLines = "timestamp_lines"
    /// Mojibake sequences repaired (one per repaired character, per round).
    public static let mojibakeFixed = "mojibake_fixed"
    /// HTML entities decoded.
    public static let htmlEntities = "html_entities"
    /// HTML tags dropped or turned into line breaks.
    public static let htmlTags = "html_tags"
    /// HTML comments removed.
    public static let htmlComments = "html_comments"
    /// Elements removed with their content (`<script>`, `<style>`, `<svg>`, `<select>`…).
    public static let htmlElementsRemoved = "html_elements_removed"
    /// Boilerplate lines removed.
    public static let boilerplateLines = "boilerplate_lines"
    /// Punctuation artifacts repaired.
    public static let punctuationFixed = "punctuation_fixed"
}
