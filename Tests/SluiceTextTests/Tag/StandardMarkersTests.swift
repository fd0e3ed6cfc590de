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

    static func evidence(_ text: String, group: Int) -> [Int] {
        var copy = text
        return copy.withUTF8 { bytes in
            lowercase.withUnsafeBufferPointer { lower in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: StandardMarkers.tallySize) { t in
                    t.initialize(repeating: 0)
                    StandardMarkers.tally(bytes, lowercase: lower, into: t.baseAddress!)
                    return StandardMarkers.evidence(tally: t.baseAddress!, group: group)
                }
            }
        }
    }

    /// Evidence as a matrix (row: the member the words are for; column: the member they are
    /// against) and the members it rules out.
    @Test func evidenceCountsWordsOneMemberWritesAndAnotherDoesNot() {
        // nb, nn, da. `eg`, `ikkje`, `kva`: Nynorsk only; `noe`: Bokmål only.
        #expect(Self.evidence("Eg veit ikkje kva han sa, men noe skjedde.", group: 2)
                == [0, 1, 1,
                    3, 0, 3,
                    0, 0, 0])
        #expect(Self.evidence("EG VEIT IKKJE KVA HAN SA.", group: 2) == [0, 0, 0, 3, 0, 3, 0, 0, 0])
        // `hvad`, `nu`, `efter`: Danish only; `siger`: Danish only; `du` is everyone's.
        #expect(Self.evidence("Hvad siger du nu efter mødet?", group: 2) == [0, 0, 0, 0, 0, 0, 4, 4, 0])
        // `jeg`, `ikke`: Bokmål and Danish, against Nynorsk; `vet`, `hva`: Bokmål alone.
        #expect(Self.evidence("Jeg vet ikke hva han sa.", group: 2) == [0, 4, 2, 0, 0, 0, 0, 2, 0])
        // `av`, `etter`: Bokmål and Nynorsk, against Danish.
        #expect(Self.evidence("Av og til, etter regnet.", group: 2) == [0, 0, 2, 0, 0, 2, 0, 0, 0])
        // Parts of longer words and words longer than any marker do not count.
        #expect(Self.evidence("Ikkjeforståelse og ikkjeikkjeikkjeikkjeikkje.", group: 2) == [Int](repeating: 0, count: 9))
        // bs, hr, sr: `prije` is Bosnian or Croatian (ijekavian); `hiljada` and `decembra`
        // Bosnian or Serbian.
        #expect(Self.evidence("Prije sedam hiljada godina, u decembru? Ne: 3. decembra.", group: 0)
                == [0, 2, 1,
                    0, 0, 1,
                    0, 2, 0])
        // `tisuću`, `tko`: Croatian alone.
        #expect(Self.evidence("Tisuću ljudi došlo je u siječnju, a tko zna koliko u veljači.", group: 0)
                == [0, 0, 0, 2, 0, 2, 0, 0, 0])
        // Ekavian `pre`, `deca`, `vreme`, `lepo`: Serbian alone (`vremena` is everyone's).
        #expect(Self.evidence("Pre nekog vremena deca su se igrala.", group: 0) == [0, 0, 0, 0, 0, 0, 2, 2, 0])
        #expect(Self.evidence("Pre godinu dana vreme je bilo lepo.", group: 0) == [0, 0, 0, 0, 0, 0, 3, 3, 0])
        // A capitalized word inside a sentence is a name, not a marker; at a sentence's start,
        // or in capitals throughout, it counts.
        #expect(Self.evidence("Živi u mestu Sveta Nedelja, kaže.", group: 0) == [0, 0, 0, 0, 0, 0, 1, 1, 0])
        #expect(Self.evidence("Nedelja je prošla. Nedelja opet? „Nedelja“", group: 0) == [0, 0, 0, 0, 0, 0, 3, 3, 0])
        #expect(Self.evidence("Bila je to NEDELJA.", group: 0) == [0, 0, 0, 0, 0, 0, 1, 1, 0])
        // ms, id
        #expect(Self.evidence("Beliau berkata bahawa syarikat itu, iaitu yang terbesar...", group: 1) == [0, 3, 0, 0])
        #expect(Self.evidence("Dia mengatakan bahwa kantor pajak tutup karena libur.", group: 1) == [0, 0, 4, 0])
        #expect(Self.evidence("", group: 1) == [0, 0, 0, 0])
        // cs, sk: `se` Czech, `sa` Slovak.
        #expect(Self.evidence("Sestra se vrátila, ale ona sa nevrátila.", group: 3) == [0, 1, 1, 0])
        // ca, es, gl, pt: `la` is Catalan or Spanish; `ciutat`, `és`, `molt` Catalan alone.
        #expect(Self.evidence("La ciutat és molt bonica.", group: 4)
                == [0, 3, 4, 4,
                    0, 0, 1, 1,
                    0, 0, 0, 0,
                    0, 0, 0, 0])
        // hi, mr: vowel signs are marks, inside the word (`है` is a letter and a sign); the
        // danda ends a word.
        #expect(Self.evidence("सरकार ने नई योजना की घोषणा की है।", group: 5) == [0, 1, 0, 0])
        #expect(Self.evidence("सरकारने नवीन योजनेची घोषणा केली आहे.", group: 5) == [0, 0, 2, 0])
    }

    @Test func ruledOutNeedsMoreThanTwiceTheOtherWay() {
        #expect(StandardMarkers.ruledOut([0, 0, 0, 0], members: 2) == [false, false])
        #expect(StandardMarkers.ruledOut([0, 1, 0, 0], members: 2) == [false, true])
        #expect(StandardMarkers.ruledOut([0, 0, 2, 0], members: 2) == [true, false])
        #expect(StandardMarkers.ruledOut([0, 2, 1, 0], members: 2) == [false, false])
        #expect(StandardMarkers.ruledOut([0, 3, 1, 0], members: 2) == [false, true])
        // `ikke` alone: Nynorsk is out, Bokmål and Danish are left for the n-grams.
        #expect(StandardMarkers.ruledOut([0, 1, 0, 0, 0, 0, 0, 1, 0], members: 3) == [false, true, false])
        // `ikke` and `hva`: Bokmål alone is left.
        #expect(StandardMarkers.ruledOut([0, 2, 1, 0, 0, 0, 0, 1, 0], members: 3) == [false, true, true])
        // Catalan words alone: Spanish, Galician and Portuguese are out.
        #expect(StandardMarkers.ruledOut([0, 3, 4, 4, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], members: 4) == [false, true, true, true])
        // One Nynorsk word against one of Bokmål: nobody is out.
        #expect(StandardMarkers.ruledOut([0, 1, 1, 1, 0, 1, 0, 0, 0], members: 3) == [false, false, true])
    }

    @Test func groupsAndListsAgree() {
        for (g, group) in StandardMarkers.groups.enumerated() {
            for language in group {
                #expect(StandardMarkers.group(of: language) == g)
                #expect(!(StandardMarkers.words[language] ?? []).isEmpty)
            }
        }
        #expect(StandardMarkers.group(of: "en") == nil)
        #expect(StandardMarkers.group(of: "sr") == 0)
        #expect(StandardMarkers.alsoWritten("sr") == .latin)
        #expect(StandardMarkers.alsoWritten("hr") == nil)
        #expect(StandardMarkers.spansNeedMarkers(group: StandardMarkers.group(of: "bs")!))
        #expect(!StandardMarkers.spansNeedMarkers(group: StandardMarkers.group(of: "ca")!))
        // Every marker is lower case, listed once per language, and not written by every
        // member of its group (it would tell nothing).
        for group in StandardMarkers.groups {
            var writers: [String: Set<String>] = [:]
            for language in group {
                let list = StandardMarkers.words[language] ?? []
                #expect(Set(list).count == list.count, "\(language) lists a word twice")
                for word in list {
                    #expect(word == word.lowercased(), "\(word)")
                    writers[word, default: []].insert(language)
                }
            }
            for (word, set) in writers { #expect(set.count < group.count, "\(word) is written by all of \(group)") }
        }
    }
}
