import Testing
@testable import SluiceText

/// What the scanner finds in `text`: "kind:matched text" per match.
private func found(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return PatternScanner.scan(text).map { "\($0.kind.name):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}

@Suite struct PatternScannerTests {
    @Test(arguments: [
        // hashtags and mentions
        ("Talks on #Putin today", ["hashtag:#Putin"]),
        ("#COP29 starts", ["hashtag:#COP29"]),
        ("thanks @jane_doe!", ["mention:@jane_doe"]),
        ("(@NASA) said", ["mention:@NASA"]),
        // URLs
        ("see https://example.com/a?b=1.", ["url:https://example.com/a?b=1"]),
        ("at http://x.org/wiki/Foo_(bar) now", ["url:http://x.org/wiki/Foo_(bar)"]),
        ("(see https://x.org/a)", ["url:https://x.org/a"]),
        ("visit www.bbc.co.uk/news, then", ["url:www.bbc.co.uk/news"]),
        ("ftp://files.example.org/x.zip", ["url:ftp://files.example.org/x.zip"]),
        ("HTTPS://EXAMPLE.COM", ["url:HTTPS://EXAMPLE.COM"]),
        ("https://de.wikipedia.org/wiki/Straße here", ["url:https://de.wikipedia.org/wiki/Straße"]),
        // e-mails
        ("mail john.doe@example.com now", ["email:john.doe@example.com"]),
        ("<a+b@mail.example.co.uk>", ["email:a+b@mail.example.co.uk"]),
        ("Write to info@bund.de.", ["email:info@bund.de"]),
        // phone numbers
        ("Call +49 30 1234567 today", ["phone:+49 30 1234567"]),
        ("Call +1 (555) 123-4567.", ["phone:+1 (555) 123-4567"]),
        ("+44 20 7946 0958", ["phone:+44 20 7946 0958"]),
        ("+33 1 23 45 67 89", ["phone:+33 1 23 45 67 89"]),
        ("+49 (0)30 1234567", ["phone:+49 (0)30 1234567"]),
        ("+4930123456", ["phone:+4930123456"]),
        ("(555) 123-4567", ["phone:(555) 123-4567"]),
        ("555-123-4567", ["phone:555-123-4567"]),
        ("555.123.4567", ["phone:555.123.4567"]),
        ("Tel. 030 1234567", ["phone:030 1234567"]),
        ("Tel. 0171/1234567", ["phone:0171/1234567"]),
        ("01 23 45 67 89", ["phone:01 23 45 67 89"]),
        ("020 7946 0958", ["phone:020 7946 0958"]),
        ("(030) 1234567", ["phone:(030) 1234567"]),
        // IP addresses
        ("host 192.168.0.1 up", ["ipv4:192.168.0.1"]),
        ("10.0.0.255.", ["ipv4:10.0.0.255"]),
        ("v6 2001:db8::1 up", ["ipv6:2001:db8::1"]),
        ("fe80::1ff:fe23:4567:890a", ["ipv6:fe80::1ff:fe23:4567:890a"]),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", ["ipv6:2001:0db8:85a3:0000:0000:8a2e:0370:7334"]),
        // dates
        ("on 2024-07-08 at", ["date:2024-07-08"]),
        ("2024-07-08T04:55:57", ["date:2024-07-08T04:55:57"]),
        ("am 08.07.2024 in", ["date:08.07.2024"]),
        ("on 7/8/24 and", ["date:7/8/24"]),
        ("on July 8, 2024 in", ["date:July 8, 2024"]),
        ("on Jan. 8 there", ["date:Jan. 8"]),
        ("8 July 2024", ["date:8 July 2024"]),
        ("am 8. Juli 2024", ["date:8. Juli 2024"]),
        ("le 1er janvier", ["date:1er janvier"]),
        ("el 8 de julio de 2024", ["date:8 de julio de 2024"]),
        ("in March 2024 the", ["date:March 2024"]),
        ("the 8th of July", ["date:8th of July"]),
        // money
        ("raised $4.7 million in", ["money:$4.7 million"]),
        ("only €12 each", ["money:€12"]),
        ("kostet 12,50 € pro", ["money:12,50 €"]),
        ("USD 3bn deal", ["money:USD 3bn"]),
        ("£3.2bn", ["money:£3.2bn"]),
        ("US$5 each", ["money:US$5"]),
        ("12 EUR", ["money:12 EUR"]),
        ("3 million dollars", ["money:3 million dollars"]),
        ("¥500", ["money:¥500"]),
        // percentages
        ("rose 4.5% to", ["percent:4.5%"]),
        ("um 4,5 % auf", ["percent:4,5 %"]),
        ("12 percent of", ["percent:12 percent"]),
        ("3 per cent", ["percent:3 per cent"]),
        ("20 Prozent", ["percent:20 Prozent"]),
        // several, in order
        ("Mail a@b.io or call 030 1234567 by 2024-01-02: 5% off $10.",
         ["email:a@b.io", "phone:030 1234567", "date:2024-01-02", "percent:5%", "money:$10"]),
    ])
    func finds(_ text: String, _ expected: [String]) {
        #expect(found(text) == expected)
    }

    @Test(arguments: [
        "C# and F# code",
        "word#inside and entity &#39;",
        "in 2024 and 1990",
        "1990 2000 2010",
        "1,000,000 people",
        "3.5 points",
        "at 10:30 or 12:30:45",
        "ISBN 978-3-16-148410-0",
        "version 1.2.3",
        "1.2.3.4.5",
        "999.1.1.1",
        "room 12, floor 3",
        "a@b",
        "user@localhost",
        "e-mail@ here",
        "word@ alone",
        "12345678",
        "1234567890",
        "123 456",
        "32/13/2024",
        "2024-13-01",
        "the March of time",
        "COP29",
        "Beef: yes",
        "std::vector",
        "example.com",
        "http:/broken",
        "May be",
        "",
    ])
    func ignores(_ text: String) {
        #expect(found(text) == [])
    }

    @Test func scalarOffsetsArePythonIndices() {
        let text = "Café ☕ 🎉 mail: zoë@example.com, 5%"
        let matches = PatternScanner.scan(text)
        let offsets = PatternScanner.scalarOffsets(matches, in: text)
        #expect(offsets.map(\.kind) == [.email, .percent])
        // Python: text.index("zoë@") == 15, text.index("5%") == 32, len(text) == 34
        #expect(offsets.map(\.start) == [15, 32])
        #expect(offsets.map(\.end) == [30, 34])
    }

    @Test func countsByKind() {
        let c = PatternScanner.counts(PatternScanner.scan("#a #b @c https://x.org 5% 6%"))
        #expect(c[Int(PatternKind.hashtag.rawValue)] == 2)
        #expect(c[Int(PatternKind.mention.rawValue)] == 1)
        #expect(c[Int(PatternKind.url.rawValue)] == 1)
        #expect(c[Int(PatternKind.percent.rawValue)] == 2)
        #expect(c.reduce(0, +) == 6)
    }
}

@Suite struct PIIMaskerTests {
    @Test func masksEmailPhoneAndIP() {
        let (text, counts) = PIIMasker.mask("Mail jane@example.org or call +44 20 7946 0958 from 10.1.2.3 and 2001:db8::1.")
        #expect(text == "Mail <EMAIL> or call <PHONE> from <IP> and <IP>.")
        #expect(counts.map(\.name) == ["emails", "phones", "ips"])
        #expect(counts.map(\.count) == [1, 1, 2])
    }

    @Test func masksOnlyChosenKinds() {
        let (text, counts) = PIIMasker.mask("a@b.de, 030 1234567", kinds: [.phone])
        #expect(text == "a@b.de, <PHONE>")
        #expect(counts.map(\.name) == ["phones"])
    }

    @Test func leavesOtherPatternsAlone() {
        let input = "On 2024-07-08 prices rose 5% to $4.7 million, see https://x.org #news @bob"
        let (text, counts) = PIIMasker.mask(input)
        #expect(text == input)
        #expect(counts.isEmpty)
    }

    @Test func keepsMultiByteTextAround() {
        let (text, _) = PIIMasker.mask("Zoë: zoë@exämple.com → ok; Ünal: ünal@example.com")
        #expect(text == "Zoë: <EMAIL> → ok; Ünal: <EMAIL>")
    }
}
