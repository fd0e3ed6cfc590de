import Testing
@testable import Sluice

@Suite struct PipelineTests {
    @Test func resultBuilder() {
        let withSplit = true
        let p = Pipeline(name: "mine") {
            Decode(textField: "body", textLayout: .line, encoding: "KOI8-R")
            Clean()
            if withSplit {
                Split(language: "de")
            }
            Tag(hashtags: false)
            Sink(format: .text, compressionLevel: 9)
        }
        #expect(p.name == "mine")
        #expect(p.decode.textField == "body")
        #expect(p.decode.textLayout == .line)
        #expect(p.decode.encoding == "KOI8-R")
        #expect(p.stages.map(\.name) == ["clean", "split", "tag"])
        #expect(p.stages[1].fingerprint == "split/2 language=de default_language=en output=sentences")
        #expect(p.stages[2].fingerprint == "tag/2 hashtags=false counts=true patterns=true spans=false pii=true")
        #expect(p.sink.format == .text)
        #expect(p.sink.compressionLevel == 9)
        #expect(p.sink.fileExtension == ".txt.zst")
    }

    @Test func builderDefaultsAndControlFlow() {
        let languages = ["en", "fr"]
        let p = Pipeline {
            for l in languages { Split(language: l) }
            if languages.isEmpty { Clean() } else { Tag() }
        }
        #expect(p.name == "custom")
        #expect(p.decode == DecodeOptions())
        #expect(p.sink == SinkOptions())
        #expect(p.stages.map(\.fingerprint) == ["split/2 language=en default_language=en output=sentences", "split/2 language=fr default_language=en output=sentences", "tag/2 hashtags=true counts=true patterns=true spans=false pii=true"])
    }

    @Test func fingerprintTracksOptions() {
        let a = Pipeline { Clean(); Split() }
        let b = Pipeline { Clean(); Split(language: "de") }
        let c = Pipeline { Decode(textField: "body"); Clean(); Split() }
        #expect(a.fingerprint != b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
        #expect(a.fingerprint == Pipeline { Clean(); Split() }.fingerprint)
        #expect(Pipeline.news.fingerprint.hasPrefix("sluice-format/1\n"))
        #expect(Pipeline.news.stages.map(\.name) == ["dedup", "clean", "language", "split", "tag"])
        #expect(Pipeline.news.name == "news")
    }
}
