/// Reads ``HTMLMetadata`` from a page. (Placeholder: being built, returns nothing yet.)
public struct HTMLMetadataExtractor: Sendable {
    public init() {}

    /// The metadata of `html` (UTF-8 bytes of a whole page); `url` is where the page came from, if known.
    public func extract(_ html: [UInt8], url: String? = nil) -> HTMLMetadata {
        HTMLMetadata()
    }
}
