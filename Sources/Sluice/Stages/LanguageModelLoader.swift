import Foundation

/// Loads the language-identification model bundled with the library
/// (`Sources/Sluice/Resources/langid.bin`, a copy of the file `data/langid/build_model.py` builds).
public enum LanguageModelLoader {
    /// Why the bundled model could not be loaded.
    public enum LoadError: Error, CustomStringConvertible {
        case missing
        case unreadable(String, any Error)
        case invalid(String, LanguageModel.FormatError)

        /// The reason, naming the file.
        public var description: String {
            switch self {
            case .missing: "the bundled language model (langid.bin) is missing"
            case .unreadable(let path, let e): "cannot read language model \(path): \(e)"
            case .invalid(let path, let e): "\(path): \(e)"
            }
        }
    }

    /// The bundled model, read and parsed once per process.
    public static let bundled: Result<LanguageModel, LoadError> = {
        guard let url = Bundle.module.url(forResource: "langid", withExtension: "bin") else {
            return .failure(.missing)
        }
        return load(path: url.path)
    }()

    /// The bundled model's identifier; stops the process with a clear message if the model
    /// cannot be loaded (a broken installation, not a data problem).
    public static var bundledIdentifier: LanguageIdentifier {
        switch bundled {
        case .success(let m): return LanguageIdentifier(model: m)
        case .failure(let e): fatalError("sluice: \(e)")
        }
    }

    /// Reads and parses a model file.
    public static func load(path: String) -> Result<LanguageModel, LoadError> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(.unreadable(path, error))
        }
        do {
            return .success(try LanguageModel(bytes: [UInt8](data)))
        } catch let e as LanguageModel.FormatError {
            return .failure(.invalid(path, e))
        } catch {
            return .failure(.unreadable(path, error))
        }
    }
}
