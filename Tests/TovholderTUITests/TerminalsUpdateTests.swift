import SnapshotTesting
import TovholderCore
import XCTest
@testable import TovholderTUI

/// The terminals screen while `tovholder serve` runs: the join lines, renewing the codes,
/// showing them on the projector, and disconnecting a group's SSH terminal.
final class TerminalsUpdateTests: XCTestCase {
    typealias F = ScreenFixtures

    static func state(_ lang: Language = .da, size: Size = Size(width: 120, height: 30), serving: Bool = true) -> AppState {
        var s = F.at(item: F.index(of: .groupWork), lang, size: size)
        s.workshop = WorkshopFixtures.workshop(groups: 4)
        if serving { s.session.service = ProjectorSnapshotTests.service(s) }
        let groups = s.workshop.activeGroups
        s.live.terminals = [
            TerminalPresence(id: "ssh", role: .participant, groupID: groups[0].id, user: "gruppe1", host: "192.168.1.31",
                             pid: 4242, startedAt: s.now - 600, lastSeen: s.now - 3, field: nil),
            TerminalPresence(id: "here", role: .participant, groupID: groups[1].id, user: "kim", host: TerminalPresence.localHost,
                             pid: 4343, startedAt: s.now - 600, lastSeen: s.now - 1),
            TerminalPresence(id: "p", role: .projector, user: "sal", host: TerminalPresence.localHost, pid: 4444,
                             startedAt: s.now - 900, lastSeen: s.now - 20),
        ]
        _ = update(&s, .key(.char("t")))
        return s
    }

    func testTheJoinLinesAndTheListAreShown() {
        for lang in Language.allCases {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 30)] {
                var s = Self.state(lang, size: size)
                _ = update(&s, .key(.down))
                assertSnapshot(of: render(s), as: .screen, named: "serving-\(lang.rawValue)-\(size.width)x\(size.height)")
            }
            var off = Self.state(lang, serving: false)
            _ = update(&off, .key(.down))
            assertSnapshot(of: render(off), as: .screen, named: "not-serving-\(lang.rawValue)")
        }
    }

    /// What serve told reaches `t`: that nobody has reached it, then the last five failures
    /// before login, newest last, in the console's language whatever serve's is.
    func testServesNoticesAreShownUnderTheJoinLines() {
        for lang in Language.allCases {
            var s = Self.state(lang, size: Size(width: 100, height: 40))
            let at = s.now - 120
            s.session.service?.notices = [ServeNotice(at: at, kind: .silent, text: Localized(
                da: "Ingen bærbar har nået Tovholder endnu. Brug en mobil hotspot.", en: "No laptop has reached Tovholder yet. Use a phone hotspot."))]
                + (1...6).map { n in
                    ServeNotice(at: at + Double(n * 60), kind: .failure,
                                text: Localized(da: "En bærbar på 10.200.0.\(n) kunne ikke forbinde (ingen fælles kryptering).",
                                                en: "A laptop at 10.200.0.\(n) could not connect (no common encryption)."))
                }
            let screen = render(s).text
            XCTAssertFalse(screen.contains("10.200.0.1 "), "only the last five:\n\(screen)")
            XCTAssertTrue(screen.contains("10.200.0.6"), screen)
            assertSnapshot(of: render(s), as: .screen, named: "notices-\(lang.rawValue)")
        }
    }

    func testASecondFacilitatorIsToldOfTheFirstInTheirLanguage() {
        for (lang, expected) in [(Language.da, "Dagen er også åben som facilitator af kim på 10.0.0.9 siden 09.02."),
                                 (Language.en, "The day is also open as facilitator by kim on 10.0.0.9 since 09:02.")] {
            var s = Self.state(lang)
            let other = TerminalPresence(id: "f2", role: .facilitator, user: "kim", host: "10.0.0.9", pid: 99,
                                         startedAt: ScreenFixtures.at(9, 2), lastSeen: s.now)
            _ = update(&s, .alsoOpenAsFacilitator(other))
            XCTAssertTrue(s.notice?.hasPrefix(expected) == true, s.notice ?? "no notice")
        }
    }

    func testASecondXDisconnectsTheChosenSSHTerminal() {
        var s = Self.state()
        XCTAssertEqual(update(&s, .key(.char("x"))), [], "asked first")
        XCTAssertTrue(s.notice?.contains("x igen") == true, s.notice ?? "")
        XCTAssertEqual(update(&s, .key(.char("x"))), [.disconnect(pid: 4242)])
        XCTAssertEqual(update(&s, .key(.char("x"))), [], "asked again for the next one")
        _ = update(&s, .key(.down))
        XCTAssertEqual(update(&s, .key(.char("x"))), [], "a moved choice forgets the question")
        XCTAssertEqual(update(&s, .key(.char("x"))), [], "a terminal on this machine is not disconnected from here")
        XCTAssertTrue(s.notice?.contains("Kun en deltager over SSH") == true, s.notice ?? "")
    }

    func testNewCodesOnlyWhileServing() {
        var s = Self.state()
        XCTAssertEqual(update(&s, .key(.char("n"))), [.renewCodes])
        var off = Self.state(serving: false)
        XCTAssertEqual(update(&off, .key(.char("n"))), [])
        XCTAssertTrue(off.notice?.contains("tovholder serve") == true)
    }

    func testPShowsHowToJoinOnTheProjectorAndLeavingGivesItBackToTheDay() {
        var s = Self.state()
        XCTAssertEqual(update(&s, .key(.char("p"))), [.save([.projection])])
        XCTAssertEqual(s.session.projection.shows, .join)
        XCTAssertEqual(update(&s, .key(.char("p"))), [.save([.projection])])
        XCTAssertEqual(s.session.projection.shows, .item, "p again: back to what the day shows")
        _ = update(&s, .key(.char("p")))
        _ = update(&s, .key(.escape))
        XCTAssertEqual(s.screen, .item)
        XCTAssertEqual(s.session.projection.shows, .item, "the projector follows the facilitator again")
    }

    func testAParticipantHasNoneOfTheseKeys() {
        var s = Self.state()
        s.sit(as: .participant(groupID: s.workshop.activeGroups[0].id))
        s.screen = .terminals(TerminalsView(returnTo: .item))
        for key in ["x", "n", "p"] { XCTAssertEqual(update(&s, .key(.char(Character(key)))), [], key) }
    }
}
