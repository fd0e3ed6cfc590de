@_exported import SluiceText

/// The version of Sluice, written to the run journal and `--version`.
public enum SluiceVersion {
    public static let string = "0.1.0"
}
