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
    public var name: String
    public var decode: DecodeOptions
    public var stages: [any Stage]
    public var sink: SinkOptions

    public init(name: String = "custom", decode: DecodeOptions = .init(), stages: [any Stage], sink: SinkOptions = .init()) {
        self.name = name
        self.decode = decode
        self.stages = stages
        self.sink = sink
    }

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
    case decode(DecodeOptions)
    case stage(any Stage)
    case sink(SinkOptions)
}

/// Collects `Decode`, stages and `Sink` into a pipeline.
@resultBuilder
public enum PipelineBuilder {
    public static func buildExpression(_ d: Decode) -> [PipelineComponent] { [.decode(d.options)] }
    public static func buildExpression(_ s: Sink) -> [PipelineComponent] { [.sink(s.options)] }
    public static func buildExpression(_ s: any Stage) -> [PipelineComponent] { [.stage(s)] }
    public static func buildBlock(_ parts: [PipelineComponent]...) -> [PipelineComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ p: [PipelineComponent]?) -> [PipelineComponent] { p ?? [] }
    public static func buildEither(first p: [PipelineComponent]) -> [PipelineComponent] { p }
    public static func buildEither(second p: [PipelineComponent]) -> [PipelineComponent] { p }
    public static func buildArray(_ p: [[PipelineComponent]]) -> [PipelineComponent] { p.flatMap { $0 } }
}

/// The decode step of a pipeline built in Swift.
public struct Decode: Sendable {
    public var options: DecodeOptions

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

    public init(options: DecodeOptions) { self.options = options }
}

/// The sink step of a pipeline built in Swift.
public struct Sink: Sendable {
    public var options: SinkOptions

    public init(format: SinkOptions.Format = .jsonl, compressionLevel: Int = 3) {
        options = SinkOptions()
        options.format = format
        options.compressionLevel = compressionLevel
    }

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
