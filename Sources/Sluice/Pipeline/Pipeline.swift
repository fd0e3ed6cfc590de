/// A complete pipeline: how inputs are decoded, the stages records pass through, and the sink.
///
/// Build one in Swift with the result builder,
///
///     let p = Pipeline(name: "mine") {
///         Decode(textField: "body")
///         Clean()
///         Split(language: "de")
///         Tag()
///         Sink(format: .text)
///     }
///
/// or load a YAML file with ``PipelineFile``.
public struct Pipeline: Sendable {
    /// The pipeline's name, recorded in the run journal and shown by `sluice status`.
    public var name: String
    /// How inputs are read into records.
    public var decode: DecodeOptions
    /// The stages records pass through, in order.
    public var stages: [any Stage]
    /// How records are written.
    public var sink: SinkOptions

    /// Creates a pipeline from its parts.
    public init(name: String = "custom", decode: DecodeOptions = .init(), stages: [any Stage], sink: SinkOptions = .init()) {
        self.name = name
        self.decode = decode
        self.stages = stages
        self.sink = sink
    }

    /// Creates a pipeline from `Decode`, stages and `Sink` listed in a ``PipelineBuilder`` block;
    /// parts left out keep their defaults.
    public init(name: String = "custom", @PipelineBuilder _ build: () -> [PipelineComponent]) {
        self.init(name: name, stages: [])
        for c in build() {
            switch c {
            case .decode(let d): decode = d
            case .stage(let s): stages.append(s)
            case .sink(let s): sink = s
            }
        }
    }

    /// Identifies what the pipeline does to data: equal fingerprints, equal outputs.
    /// The run journal compares it to refuse resuming with a different pipeline.
    public var fingerprint: String {
        let d = decode
        var parts = ["sluice-format/1",
                     "decode text_field=\(d.textField) text_fallbacks=\(d.textFallbacks.joined(separator: ",")) id_field=\(d.idField) text_layout=\(d.textLayout.rawValue) encoding=\(d.encoding) invalid_utf8=\(d.invalidUTF8.rawValue) batch_records=\(d.batchRecords) batch_bytes=\(d.batchBytes)"
                     // Only when set, so that fingerprints of pipelines without it stay as they were.
                     + (d.htmlField.map { " html_field=\($0)" } ?? "")]
        parts += stages.map(\.fingerprint)
        parts.append("sink format=\(sink.format.rawValue) compression_level=\(sink.compressionLevel) write_dropped=\(sink.writeDropped)")
        return parts.joined(separator: "\n")
    }

    /// The built-in default: decode, clean, language, split, tag (same content as Pipelines/news.yaml).
    public static var news: Pipeline {
        Pipeline(name: "news") {
            Decode()
            Dedup()
            Clean()
            Language()
            Split()
            Tag()
            Sink()
        }
    }
}

/// One element of a pipeline built with ``PipelineBuilder``.
public enum PipelineComponent: Sendable {
    /// The decode step.
    case decode(DecodeOptions)
    /// A stage.
    case stage(any Stage)
    /// The sink step.
    case sink(SinkOptions)
}

/// Collects `Decode`, stages and `Sink` into a pipeline.
@resultBuilder
public enum PipelineBuilder {
    /// The decode step.
    public static func buildExpression(_ d: Decode) -> [PipelineComponent] { [.decode(d.options)] }
    /// The sink step.
    public static func buildExpression(_ s: Sink) -> [PipelineComponent] { [.sink(s.options)] }
    /// A stage.
    public static func buildExpression(_ s: any Stage) -> [PipelineComponent] { [.stage(s)] }
    /// The parts of a block, in order.
    public static func buildBlock(_ parts: [PipelineComponent]...) -> [PipelineComponent] { parts.flatMap { $0 } }
    /// The parts of an `if` without `else`, when it runs.
    public static func buildOptional(_ p: [PipelineComponent]?) -> [PipelineComponent] { p ?? [] }
    /// The parts of the first branch of an `if`/`else`.
    public static func buildEither(first p: [PipelineComponent]) -> [PipelineComponent] { p }
    /// The parts of the second branch of an `if`/`else`.
    public static func buildEither(second p: [PipelineComponent]) -> [PipelineComponent] { p }
    /// The parts of a `for` loop's iterations.
    public static func buildArray(_ p: [[PipelineComponent]]) -> [PipelineComponent] { p.flatMap { $0 } }
}

/// The decode step of a pipeline built in Swift.
public struct Decode: Sendable {
    /// The decode options of the pipeline.
    public var options: DecodeOptions

    /// A decode step with the options most often changed; the others keep their defaults.
    public init(textField: String = "text", idField: String = "id",
                textLayout: DecodeOptions.TextLayout = .file, encoding: String = DecodeOptions.automatic,
                invalidUTF8: DecodeOptions.InvalidUTF8 = .repair) {
        options = DecodeOptions()
        options.textField = textField
        options.idField = idField
        options.textLayout = textLayout
        options.encoding = encoding
        options.invalidUTF8 = invalidUTF8
    }

    /// A decode step with every option given.
    public init(options: DecodeOptions) { self.options = options }
}

/// The sink step of a pipeline built in Swift.
public struct Sink: Sendable {
    /// The sink options of the pipeline.
    public var options: SinkOptions

    /// A sink writing `format` at zstd `compressionLevel`.
    public init(format: SinkOptions.Format = .jsonl, compressionLevel: Int = 3) {
        options = SinkOptions()
        options.format = format
        options.compressionLevel = compressionLevel
    }

    /// A sink with every option given.
    public init(options: SinkOptions) { self.options = options }
}

/// The exact-dedup stage, as written in a pipeline builder.
public typealias Dedup = DedupStage
/// The near-duplicate stage, as written in a pipeline builder.
public typealias NearDedup = NearDedupStage
/// The clean stage, as written in a pipeline builder.
public typealias Clean = CleanStage
/// The language stage, as written in a pipeline builder.
public typealias Language = LanguageStage
/// The split stage, as written in a pipeline builder.
public typealias Split = SplitStage
/// The tag stage, as written in a pipeline builder.
public typealias Tag = TagStage
