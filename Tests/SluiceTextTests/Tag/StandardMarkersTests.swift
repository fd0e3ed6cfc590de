import Testing
@testable import SluiceText

@Suite struct StandardMarkersTests {
    /// A lower-casing table for the Latin letters these sentences use, as the model's
    /// (0: not a letter).
    static let lowercase: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 0x3000)
        for c in UInt32(0x41)...0x5A { t[Int(c)] = c + 0x20 }
        for c in UInt32(0x61)...0x7A { t[Int(c)] = c }
        for s in "æøåÆØÅčćšžđČĆŠŽĐéèòÒ".unicodeScalars {
            t[Int(s.value)] = Character(s).lowercased().unicodeScalars.first!.value
        }
        return t
    }()

    static func counts(_ text: String, group: Int) -> [Int] {
        var copy = text
        return copy.withUTF8 { bytes in
            lowercase.withUnsafeBufferPointer { StandardMarkers.counts(bytes, group: StandardMarkers.groups[group], lowercase: $0) }
        }
    }

    @Test func countsMarkerWordsOfEachMember() {
        // nb, nn, da
        #expect(Self.counts("Eg veit ikkje kva han sa, men noe skjedde.", group: 2) == [1, 3, 0])
        #expect(Self.counts("EG VEIT IKKJE KVA HAN SA.", group: 2) == [0, 3, 0])
        #expect(Self.counts("Hvad siger du nu efter mødet?", group: 2) == [0, 0, 3])
        // Parts of longer words and words longer than any marker do not count.
        #expect(Self.counts("Ikkjeforståelse og ikkjeikkjeikkjeikkjeikkje.", group: 2) == [0, 0, 0])
        // bs, hr
        #expect(Self.counts("Prije sedam hiljada godina, u decembru? Ne: 3. decembra.", group: 0) == [2, 0])
        #expect(Self.counts("Tisuću ljudi došlo je u siječnju, a tko zna koliko u veljači.", group: 0) == [0, 2])
        // ms, id
        #expect(Self.counts("Beliau berkata bahawa syarikat itu, iaitu yang terbesar...", group: 1) == [3, 0])
        #expect(Self.counts("Dia mengatakan bahwa kantor pajak tutup karena libur.", group: 1) == [0, 4])
        #expect(Self.counts("", group: 1) == [0, 0])
    }

    @Test func decisiveNeedsMoreThanTwiceEachOther() {
        #expect(StandardMarkers.decisive([0, 0]) == nil)
        #expect(StandardMarkers.decisive([1, 0]) == 0)
        #expect(StandardMarkers.decisive([0, 2]) == 1)
        #expect(StandardMarkers.decisive([2, 1]) == nil)
        #expect(StandardMarkers.decisive([3, 1]) == 0)
        #expect(StandardMarkers.decisive([0, 0, 1]) == 2)
        #expect(StandardMarkers.decisive([1, 1, 0]) == nil)
        #expect(StandardMarkers.decisive([5, 2, 2]) == 0)
    }

    @Test func groupsAndListsAgree() {
        for (g, group) in StandardMarkers.groups.enumerated() {
            for language in group {
                #expect(StandardMarkers.group(of: language) == g)
                #expect(!(StandardMarkers.words[language] ?? []).isEmpty)
            }
        }
        #expect(StandardMarkers.group(of: "en") == nil)
        #expect(StandardMarkers.group(of: "sr") == nil)
        // No word marks two languages of one group, and every marker is lower case.
        var seen: [String: String] = [:]
        for (language, list) in StandardMarkers.words {
            for word in list {
                #expect(word == word.lowercased(), "\(word)")
                #expect(seen[word] == nil, "\(word) marks \(language) and \(seen[word] ?? "")")
                seen[word] = language
            }
        }
    }
}
