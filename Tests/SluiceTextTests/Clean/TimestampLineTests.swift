import Testing
@testable import SluiceText

@Suite struct TimestampLineTests {
    /// A trailing line and the date it yields.
    static let valid: [(String, String)] = [
        ("2024-07-08 04:55:57", "2024-07-08T04:55:57"),
        ("2024-07-08T04:55:57", "2024-07-08T04:55:57"),
        ("2024-07-08T04:55:57Z", "2024-07-08T04:55:57Z"),
        ("2024-07-08T04:55:57+02:00", "2024-07-08T04:55:57+02:00"),
        ("2024-07-08T04:55:57-0530", "2024-07-08T04:55:57-05:30"),
        ("2024-07-08 04:55:57 +0200", "2024-07-08T04:55:57+02:00"),
        ("2024-07-08T04:55:57.123Z", "2024-07-08T04:55:57Z"),
        ("2024-07-08 04:55:57 UTC", "2024-07-08T04:55:57Z"),
        ("2024-07-08 04:55", "2024-07-08T04:55:00"),
        ("2024-07-08", "2024-07-08"),
        ("2024/07/08", "2024-07-08"),
        ("2024-7-8", "2024-07-08"),
        ("2024-02-29", "2024-02-29"),
        ("08.07.2024 04:55", "2024-07-08T04:55:00"),
        ("08.07.2024, 04:55:57", "2024-07-08T04:55:57"),
        ("8.7.2024", "2024-07-08"),
        ("13/07/2024", "2024-07-13"),
        ("07/13/2024", "2024-07-13"),
        ("07/07/2024", "2024-07-07"),
        ("July 8, 2024 4:55 AM", "2024-07-08T04:55:00"),
        ("July 8, 2024, 4:55 PM", "2024-07-08T16:55:00"),
        ("July 8, 2024 12:05 AM", "2024-07-08T00:05:00"),
        ("July 8, 2024 12:05 p.m.", "2024-07-08T12:05:00"),
        ("Jul 8 2024", "2024-07-08"),
        ("Monday, July 8, 2024 at 16:55", "2024-07-08T16:55:00"),
        ("Sept. 30, 2024", "2024-09-30"),
        ("8 July 2024", "2024-07-08"),
        ("8th Jul. 2024 04:55", "2024-07-08T04:55:00"),
        ("31 december 2023", "2023-12-31"),
    ]

    @Test(arguments: valid) func trailing(_ line: String, _ date: String) {
        let r = cleaned("Body text.\n" + line)
        #expect(r.date == date)
        #expect(r.text == "Body text.")
        #expect(r.counters["timestamp_lines"] == 1)
    }

    @Test(arguments: valid.prefix(8)) func leading(_ line: String, _ date: String) {
        let r = cleaned(line + "\n\nBody text.")
        #expect(r.date == date)
        #expect(r.text == "Body text.")
    }

    static let invalid: [String] = [
        "07/08/2024",
        "2024-13-01",
        "2024-00-10",
        "2024-02-30",
        "2023-02-29",
        "2024-04-31",
        "2024-07-08 24:00:00",
        "2024-07-08 04:60",
        "32.07.2024",
        "July 32, 2024",
        "Julember 8, 2024",
        "July 8, 2024 13:00 PM",
        "2024-07-08 04:55:57 and more",
        "2024",
        "20240708",
        "2024-07-08T04:55:57+25:00",
        "12345-07-08",
    ]

    @Test(arguments: invalid) func notLifted(_ line: String) {
        let input = "Body text.\n" + line
        let r = cleaned(input)
        #expect(r.date == nil)
        #expect(r.text == input)
        #expect(r.counters["timestamp_lines"] == 0)
    }

    @Test func eitherOrder() {
        let a = cleaned("Body.\n#a #b\n2024-07-08")
        let b = cleaned("Body.\n2024-07-08\n#a #b")
        for r in [a, b] {
            #expect(r.text == "Body.")
            #expect(r.tags == ["a", "b"])
            #expect(r.date == "2024-07-08")
        }
    }

    /// Every leading and trailing timestamp line goes, so cleaning again lifts nothing more
    /// (idempotence); the trailing date is the one kept.
    @Test func allTimestampLinesLiftedTrailingDateKept() {
        let r = cleaned("2024-07-01\nBody.\n2024-07-08")
        #expect(r.date == "2024-07-08")
        #expect(r.text == "Body.")
        let two = cleaned("Published: 2024-07-01\n2024-07-02\nBody.\n#a\n2024-07-08\n#b #a\n2024-07-09")
        #expect(two.date == "2024-07-09")
        #expect(two.tags == ["a", "b"])
        #expect(two.text == "Body.")
        #expect(cleaned(two.text) == CleanedText(text: "Body.", tags: [], date: nil, counters: Counters()))
    }

    @Test func timestampAloneAndOff() {
        #expect(cleaned("2024-07-08").text == "")
        #expect(cleaned("2024-07-08").date == "2024-07-08")
        let off = cleaned("Body.\n2024-07-08", .init(liftTimestamp: false))
        #expect(off.text == "Body.\n2024-07-08")
        #expect(off.date == nil)
    }
}
