@_exported import SluiceText

/// The version of Sluice, written to the run journal and `--version`.
public enum SluiceVersion {
    /// The version, as `MAJOR.MINOR.PATCH`.
    public static let string = "0.1.0"
}
