import XCTest
@testable import TovholderTUI

/// Bytes as terminals send them → keys, whatever TERM says (DESIGN.md "Keys in real terminals").
final class KeyDecoderTests: XCTestCase {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// All bytes in one read, then the silence after them.
    private func decode(_ input: [UInt8]) -> [Key] {
        var d = KeyDecoder()
        return d.feed(input) + d.flush()
    }

    /// One byte per read, then the silence.
    private func decodeByteByByte(_ input: [UInt8]) -> [Key] {
        var d = KeyDecoder()
        var keys: [Key] = []
        for b in input { keys += d.feed([b]) }
        return keys + d.flush()
    }

    // Every spelling the decoder knows, by terminal.
    static let spellings: [(String, [Key])] = [
        // xterm, normal cursor mode; Windows Terminal; tmux/screen
        ("\u{1B}[A", [.up]), ("\u{1B}[B", [.down]), ("\u{1B}[C", [.right]), ("\u{1B}[D", [.left]),
        ("\u{1B}[H", [.home]), ("\u{1B}[F", [.end]),
        // xterm, application cursor mode
        ("\u{1B}OA", [.up]), ("\u{1B}OB", [.down]), ("\u{1B}OC", [.right]), ("\u{1B}OD", [.left]),
        ("\u{1B}OH", [.home]), ("\u{1B}OF", [.end]),
        // modifiers: Ctrl/Alt/Meta-←/→ are words, the rest the plain key
        ("\u{1B}[1;5C", [.wordRight]), ("\u{1B}[1;5D", [.wordLeft]),
        ("\u{1B}[1;3C", [.wordRight]), ("\u{1B}[1;3D", [.wordLeft]),
        ("\u{1B}[1;9D", [.wordLeft]), ("\u{1B}[1;6C", [.wordRight]),
        ("\u{1B}[5C", [.wordRight]), ("\u{1B}[5D", [.wordLeft]),
        ("\u{1B}O5C", [.wordRight]), ("\u{1B}O5D", [.wordLeft]),
        ("\u{1B}[1;2C", [.right]), ("\u{1B}[1;2D", [.left]),
        ("\u{1B}[1;5A", [.up]), ("\u{1B}[1;2B", [.down]),
        ("\u{1B}[1;5H", [.home]), ("\u{1B}[1;2F", [.end]),
        // VT220 / PuTTY / tmux / Linux console
        ("\u{1B}[1~", [.home]), ("\u{1B}[2~", [.insert]), ("\u{1B}[3~", [.delete]), ("\u{1B}[4~", [.end]),
        ("\u{1B}[5~", [.pageUp]), ("\u{1B}[6~", [.pageDown]),
        ("\u{1B}[3;5~", [.delete]), ("\u{1B}[5;5~", [.pageUp]), ("\u{1B}[6;2~", [.pageDown]),
        ("\u{1B}[11~", [.function(1)]), ("\u{1B}[12~", [.function(2)]), ("\u{1B}[13~", [.function(3)]),
        ("\u{1B}[14~", [.function(4)]), ("\u{1B}[15~", [.function(5)]),
        ("\u{1B}[17~", [.function(6)]), ("\u{1B}[18~", [.function(7)]), ("\u{1B}[19~", [.function(8)]),
        ("\u{1B}[20~", [.function(9)]), ("\u{1B}[21~", [.function(10)]),
        ("\u{1B}[23~", [.function(11)]), ("\u{1B}[24~", [.function(12)]),
        // xterm F1–F4, with modifiers too
        ("\u{1B}OP", [.function(1)]), ("\u{1B}OQ", [.function(2)]), ("\u{1B}OR", [.function(3)]),
        ("\u{1B}OS", [.function(4)]),
        ("\u{1B}[1;2P", [.function(1)]), ("\u{1B}[1;5Q", [.function(2)]), ("\u{1B}[1;2R", [.function(3)]),
        ("\u{1B}[1;2S", [.function(4)]), ("\u{1B}O2P", [.function(1)]),
        ("\u{1B}[15;2~", [.function(5)]), ("\u{1B}[21;5~", [.function(10)]), ("\u{1B}[24;2~", [.function(12)]),
        // rxvt
        ("\u{1B}[7~", [.home]), ("\u{1B}[8~", [.end]),
        ("\u{1B}Oa", [.up]), ("\u{1B}Ob", [.down]), ("\u{1B}Oc", [.wordRight]), ("\u{1B}Od", [.wordLeft]),
        ("\u{1B}[a", [.up]), ("\u{1B}[b", [.down]), ("\u{1B}[c", [.right]), ("\u{1B}[d", [.left]),
        ("\u{1B}[3$", [.delete]), ("\u{1B}[7$", [.home]), ("\u{1B}[8^", [.end]), ("\u{1B}[2@", [.insert]),
        // Linux console F1–F5
        ("\u{1B}[[A", [.function(1)]), ("\u{1B}[[B", [.function(2)]), ("\u{1B}[[C", [.function(3)]),
        ("\u{1B}[[D", [.function(4)]), ("\u{1B}[[E", [.function(5)]),
        // Shift-Tab
        ("\u{1B}[Z", [.backTab]),
        // number pad in application keypad mode
        ("\u{1B}OM", [.enter]), ("\u{1B}Op", [.char("0")]), ("\u{1B}Oy", [.char("9")]),
        ("\u{1B}Ok", [.char("+")]), ("\u{1B}Om", [.char("-")]),
        // keys by code: xterm modifyOtherKeys and CSI u
        ("\u{1B}[27;5;110~", [.ctrl("n")]), ("\u{1B}[27;2;13~", [.enter]), ("\u{1B}[27;3;13~", [.alt("\r")]),
        ("\u{1B}[97;5u", [.ctrl("a")]), ("\u{1B}[9;2u", [.backTab]), ("\u{1B}[120;3u", [.alt("x")]),
        // Alt (Esc and a printable character)
        ("\u{1B}b", [.wordLeft]), ("\u{1B}f", [.wordRight]), ("\u{1B}\r", [.alt("\r")]),
        ("\u{1B}x", [.alt("x")]), ("\u{1B}B", [.alt("B")]), ("\u{1B}1", [.alt("1")]), ("\u{1B}ø", [.alt("ø")]),
        ("\u{1B}\u{1B}[A", [.escape, .up]), ("\u{1B}\u{1B}b", [.escape, .wordLeft]),
        ("\u{1B}\u{1B}", [.escape, .escape]), ("\u{1B}", [.escape]), ("\u{1B}O", [.alt("O")]),
        // single bytes
        ("\r", [.enter]), ("\n", [.ctrl("j")]), ("\t", [.tab]), ("\u{08}", [.backspace]), ("\u{7F}", [.backspace]),
        ("\u{01}", [.ctrl("a")]), ("\u{11}", [.ctrl("q")]), ("\u{1A}", [.ctrl("z")]),
        ("\u{00}", []), ("\u{1C}", []), ("\u{1D}", []), ("\u{1E}", []), ("\u{1F}", []),
        // text
        ("aZ 9", [.char("a"), .char("Z"), .char(" "), .char("9")]), ("æøå", [.char("æ"), .char("ø"), .char("å")]),
        ("n\u{1B}[Ap", [.char("n"), .up, .char("p")]),
    ]

    func testEverySpelling() {
        for (input, want) in Self.spellings {
            XCTAssertEqual(decode(bytes(input)), want, "\(input.debugDescription)")
        }
    }

    func testEverySpellingByteByByte() {
        for (input, want) in Self.spellings {
            XCTAssertEqual(decodeByteByByte(bytes(input)), want, "\(input.debugDescription) one byte at a time")
        }
    }

    func testCompleteSequencesNeedNoWait() {
        for (input, want) in Self.spellings where !input.hasSuffix("\u{1B}") && !input.hasSuffix("\u{1B}O") {
            var d = KeyDecoder()
            XCTAssertEqual(d.feed(bytes(input)), want, "\(input.debugDescription)")
            XCTAssertFalse(d.hasPending, "\(input.debugDescription) left bytes waiting")
        }
    }

    /// Sequences the program does not know are swallowed whole: no '[', digits or letters leak.
    func testUnknownSequencesAreSwallowedWhole() {
        let unknown = [
            "\u{1B}[99~", "\u{1B}[?1;2c", "\u{1B}[>0;95;0c", "\u{1B}[I", "\u{1B}[O", "\u{1B}[<0;3;4M",
            "\u{1B}[<0;3;4m", "\u{1B}[M !!", "\u{1B}[M\u{60}\u{7F}\u{FF}", "\u{1B}[32;10;5M", "\u{1B}[E", "\u{1B}[G",
            "\u{1B}[201~", "\u{1B}[25~", "\u{1B}[2;1$y", "\u{1B}[1;2x", "\u{1B}Oz", "\u{1B}O1;2~",
            "\u{1B}[[Z", "\u{1B}[57399u", "\u{1B}[0n", "\u{1B}[12;40R",
        ]
        for seq in unknown {
            var raw = bytes(seq)
            if seq == "\u{1B}[M\u{60}\u{7F}\u{FF}" { raw = [0x1B, 0x5B, 0x4D, 0x60, 0x7F, 0xFF] }
            XCTAssertEqual(decode(raw + bytes("x")), [.char("x")], "\(seq.debugDescription)")
            XCTAssertEqual(decodeByteByByte(raw + bytes("x")), [.char("x")], "\(seq.debugDescription) byte by byte")
        }
    }

    func testALoneEscapeComesOnlyWithTheSilenceAfterIt() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertTrue(d.hasPending)
        XCTAssertEqual(d.flush(), [.escape])
        XCTAssertFalse(d.hasPending)
        XCTAssertEqual(d.flush(), [])
        // Esc, then an arrow in a later read: Esc was already given.
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertEqual(d.feed(bytes("[A")), [.up], "within the wait, Esc [ A is Up")
    }

    func testAnUnfinishedSequenceIsSwallowedAtTheSilence() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(bytes("\u{1B}[1;5")), [])
        XCTAssertEqual(d.flush(), [])
        XCTAssertEqual(d.feed(bytes("C")), [.char("C")], "what follows the silence is new")
        XCTAssertEqual(d.feed(bytes("\u{1B}[[")), [])
        XCTAssertEqual(d.flush(), [])
        XCTAssertEqual(d.feed(bytes("\u{1B}[M!")), [], "an X10 mouse report needs three bytes")
        XCTAssertEqual(d.flush(), [])
        XCTAssertFalse(d.hasPending)
    }

    func testSequencesBrokenByAnotherEscapeRecover() {
        XCTAssertEqual(decode(bytes("\u{1B}[1;\u{1B}[B")), [.down])
        XCTAssertEqual(decode(bytes("\u{1B}[\rx")), [.enter, .char("x")])
    }

    // MARK: - Paste

    func testPasteIsOneKeyWithItsTextAsItIs() {
        let input = bytes("n\u{1B}[200~hej\r\nmed\tdig\u{1B}[201~p")
        XCTAssertEqual(decode(input), [.char("n"), .paste("hej\r\nmed\tdig"), .char("p")])
        XCTAssertEqual(decodeByteByByte(input), [.char("n"), .paste("hej\r\nmed\tdig"), .char("p")])
    }

    func testPasteAcrossReads() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(bytes("\u{1B}[20")), [])
        XCTAssertEqual(d.feed(bytes("0~Første linje\n")), [])
        XCTAssertTrue(d.isPasting)
        XCTAssertEqual(d.feed(bytes("anden \u{1B}[A linje")), [], "Esc inside a paste is text, not a key")
        XCTAssertEqual(d.feed(bytes("\u{1B}[20")), [])
        XCTAssertEqual(d.feed(bytes("1~q")), [.paste("Første linje\nanden \u{1B}[A linje"), .char("q")])
        XCTAssertFalse(d.hasPending)
    }

    func testPasteSplitInsideACharacter() {
        var d = KeyDecoder()
        let all = bytes("\u{1B}[200~blød\u{1B}[201~")
        let cut = all.firstIndex(of: 0xC3)! + 1
        XCTAssertEqual(d.feed(Array(all[..<cut])), [])
        XCTAssertEqual(d.feed(Array(all[cut...])), [.paste("blød")])
        XCTAssertFalse(d.sawNonUTF8)
    }

    func testLatin1InAPasteIsReadAsWindows1252() {
        let input = bytes("\u{1B}[200~bl") + [0xF8, 0x64, 0x20, 0x80] + bytes("\u{1B}[201~")
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(input), [.paste("blød €")])
        XCTAssertTrue(d.sawNonUTF8)
    }

    func testAPasteWithoutItsEndMarkerEndsAtTheSilence() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(bytes("\u{1B}[200~tekst\u{1B}[20")), [])
        XCTAssertEqual(d.flush(), [.paste("tekst")])
        XCTAssertEqual(d.feed(bytes("n")), [.char("n")], "keys are keys again")
    }

    func testAnEmptyPasteIsNothing() {
        XCTAssertEqual(decode(bytes("\u{1B}[200~\u{1B}[201~x")), [.char("x")])
    }

    func testAPasteIsCappedAtAMillionBytes() {
        var d = KeyDecoder()
        var keys = d.feed(bytes("\u{1B}[200~"))
        let chunk = [UInt8](repeating: 0x61, count: 100_000)
        for _ in 0..<12 { keys += d.feed(chunk) }
        keys += d.feed(bytes("ø\u{1B}[201~n"))
        XCTAssertEqual(keys.count, 2)
        guard case .paste(let text)? = keys.first else { return XCTFail("no paste: \(keys.prefix(2))") }
        XCTAssertEqual(text.utf8.count, KeyDecoder.pasteCap)
        XCTAssertFalse(text.contains("ø"), "bytes after the cap are dropped")
        XCTAssertEqual(keys.last, .char("n"))
    }

    func testACapCuttingACharacterDropsItsStart() {
        var d = KeyDecoder()
        let body = [UInt8](repeating: 0x61, count: KeyDecoder.pasteCap - 1) + bytes("ø")  // ø: 2 bytes, 1 fits
        let keys = d.feed(bytes("\u{1B}[200~") + body + bytes("\u{1B}[201~"))
        guard case .paste(let text)? = keys.first else { return XCTFail("no paste") }
        XCTAssertEqual(text.utf8.count, KeyDecoder.pasteCap - 1)
        XCTAssertFalse(d.sawNonUTF8, "half a character is dropped, not read as Windows-1252")
    }

    // MARK: - Text

    func testLatin1BytesAreReadAsWindows1252() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x62, 0x6C, 0xF8, 0x64]), [.char("b"), .char("l"), .char("ø"), .char("d")])
        XCTAssertTrue(d.sawNonUTF8)
        XCTAssertEqual(decode([0x80, 0x93, 0xE6, 0x72]), [.char("€"), .char("\u{201C}"), .char("æ"), .char("r")])
    }

    func testUTF8SetsNoLatin1Flag() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(bytes("blød")), [.char("b"), .char("l"), .char("ø"), .char("d")])
        XCTAssertFalse(d.sawNonUTF8)
    }

    func testACharacterSplitAcrossReadsWaits() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0xC3]), [])
        XCTAssertTrue(d.hasPending)
        XCTAssertEqual(d.feed([0xB8]), [.char("ø")])
        XCTAssertFalse(d.sawNonUTF8)
        // A Latin-1 'Ã' alone looks like the start of a character until the silence.
        XCTAssertEqual(d.feed([0xC3]), [])
        XCTAssertEqual(d.flush(), [.char("Ã")])
        XCTAssertTrue(d.sawNonUTF8)
    }

    func testAGraphemeInOneReadIsOneKey() {
        let nurse = "👩‍⚕️"
        XCTAssertGreaterThan(nurse.unicodeScalars.count, 2)
        XCTAssertEqual(decode(bytes(nurse)), [.char(Character(nurse))])
        let accented = decode(bytes("e\u{301}x"))
        XCTAssertEqual(accented.count, 2)
        if case .char(let c)? = accented.first { XCTAssertEqual(c.unicodeScalars.count, 2) } else { XCTFail() }
        XCTAssertEqual(decode(bytes("🇩🇰")), [.char("🇩🇰")])
    }

    func testC1ControlsAreNothing() {
        XCTAssertEqual(decode([0xC2, 0x85, 0x61, 0xC2, 0x9B, 0x62]), [.char("a"), .char("b")])
        XCTAssertEqual(decode([0x81, 0x61]), [.char("a")], "undefined in Windows-1252: a C1 control")
    }

    /// Whatever bytes come, no `.char` or `.alt` is a control character.
    func testNoControlCharacterBecomesACharKey() {
        var seed: UInt64 = 0x5EED
        func next() -> UInt8 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: seed >> 33)
        }
        var d = KeyDecoder()
        var keys: [Key] = []
        for _ in 0..<400 {
            let count = Int(next() % 12) + 1
            var chunk: [UInt8] = []
            for _ in 0..<count {
                let r = next()
                // Plenty of Esc and '[' so sequences start and break off.
                chunk.append(r % 5 == 0 ? 0x1B : r % 7 == 0 ? 0x5B : next())
            }
            keys += d.feed(chunk)
            if next() % 4 == 0 { keys += d.flush() }
        }
        keys += d.flush()
        XCTAssertGreaterThan(keys.count, 100)
        for key in keys {
            switch key {
            case .char(let c), .alt(let c) where c != "\r":
                for s in c.unicodeScalars {
                    XCTAssertFalse(s.value < 0x20 || (0x7F...0x9F).contains(s.value), "\(key) holds a control")
                }
            default: break
            }
        }
    }
}

/// The terminal's answer about synchronized output (DEC mode 2026) is a report, never keys.
final class SynchronizedOutputAnswerTests: XCTestCase {
    func testAnAnswerOfOneOrTwoMeansTheTerminalHoldsFrames() {
        for (answer, known) in [("1", true), ("2", true), ("0", false), ("4", false)] {
            var decoder = KeyDecoder()
            XCTAssertNil(decoder.synchronizedOutput)
            XCTAssertEqual(decoder.feed(Array("a\u{1B}[?2026;\(answer)$yb".utf8)), [.char("a"), .char("b")],
                           "the answer is swallowed whole, the keys around it kept")
            XCTAssertEqual(decoder.synchronizedOutput, known, answer)
        }
    }

    func testOtherModesAndKeysSayNothing() {
        var decoder = KeyDecoder()
        _ = decoder.feed(Array("\u{1B}[?2004;1$y\u{1B}[A2026;2$y".utf8))
        XCTAssertNil(decoder.synchronizedOutput)
    }

    func testOnlyTerminalsThatParseAnUnknownRequestAreAsked() {
        XCTAssertTrue(SynchronizedOutput.mayAsk(term: "xterm-256color"))
        XCTAssertTrue(SynchronizedOutput.mayAsk(term: "tmux-256color"))
        XCTAssertFalse(SynchronizedOutput.mayAsk(term: "linux"))
        XCTAssertFalse(SynchronizedOutput.mayAsk(term: "vt220"))
        XCTAssertFalse(SynchronizedOutput.mayAsk(term: "screen"))
        XCTAssertFalse(SynchronizedOutput.mayAsk(term: nil))
    }
}
