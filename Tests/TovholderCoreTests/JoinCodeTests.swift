import XCTest
@testable import TovholderCore

/// Codes, user names and the guessing limit of `tovholder serve`.
final class JoinCodeTests: XCTestCase {
    func testCodesHaveNoLookalikesAndNoCapitals() {
        let codes = (0..<2000).map { _ in JoinCode.make() }
        let used = Set(codes.joined())
        XCTAssertTrue(codes.allSatisfy { $0.count == JoinCode.length })
        for ch in "0oO1lIi" { XCTAssertFalse(used.contains(ch), "\(ch) in a code") }
        XCTAssertEqual(used, Set(JoinCode.alphabet), "every letter of the alphabet is drawn")
        XCTAssertGreaterThan(Set(codes).count, 1990, "random, not a sequence")
    }

    func testDistinctCodesAreAllDifferent() {
        let codes = JoinCode.distinct(40)
        XCTAssertEqual(Set(codes).count, 40)
    }

    func testTypedWithCapitalsSpacesOrDashesStillMatches() {
        XCTAssertTrue(JoinCode.matches("k7m4pq", "k7m4pq"))
        XCTAssertTrue(JoinCode.matches("K7M 4PQ", "k7m4pq"))
        XCTAssertTrue(JoinCode.matches("k7m-4pq", "k7m4pq"))
        XCTAssertFalse(JoinCode.matches("k7m4pr", "k7m4pq"))
        XCTAssertFalse(JoinCode.matches("k7m4p", "k7m4pq"), "a prefix is not the code")
        XCTAssertFalse(JoinCode.matches("k7m4pqq", "k7m4pq"))
        XCTAssertFalse(JoinCode.matches("", "k7m4pq"))
    }

    func testUserNamesFromGroupNames() {
        XCTAssertEqual(SSHUserName.make(for: "Gruppe 1", position: 0, taken: []), "gruppe1")
        XCTAssertEqual(SSHUserName.make(for: "Ældre & Sundhed", position: 1, taken: []), "aeldresundhed")
        XCTAssertEqual(SSHUserName.make(for: "Blå", position: 2, taken: []), "blaa")
        XCTAssertEqual(SSHUserName.make(for: "Café", position: 0, taken: []), "cafe")
        XCTAssertEqual(SSHUserName.make(for: "★★", position: 4, taken: []), "gruppe5", "nothing typeable: by position")
        XCTAssertEqual(SSHUserName.make(for: "Gruppe 1", position: 3, taken: ["gruppe1"]), "gruppe1-2")
    }

    func testAnAddressIsBlockedAfterTenFailuresUntilTheOldestAgesOut() {
        var limiter = AttemptLimiter()
        for i in 0..<9 { limiter.recordFailure("10.0.0.9", now: Double(i)) }
        XCTAssertFalse(limiter.isBlocked("10.0.0.9", now: 9))
        limiter.recordFailure("10.0.0.9", now: 9)
        XCTAssertTrue(limiter.isBlocked("10.0.0.9", now: 10))
        XCTAssertFalse(limiter.isBlocked("10.0.0.10", now: 10), "another laptop is not blocked")
        XCTAssertEqual(limiter.waitFor("10.0.0.9", now: 10), AttemptLimiter.window - 10, accuracy: 0.001)
        XCTAssertTrue(limiter.isBlocked("10.0.0.9", now: AttemptLimiter.window - 0.5))
        XCTAssertFalse(limiter.isBlocked("10.0.0.9", now: AttemptLimiter.window + 0.5), "the first failure aged out")
        XCTAssertEqual(limiter.waitFor("10.0.0.9", now: AttemptLimiter.window + 0.5), 0)
    }

    func service() -> SSHService {
        SSHService(port: 2222, address: "10.0.0.5", fingerprint: "SHA256:x", pid: 1, startedAt: 0, codes: [
            .init(groupID: 1, user: "gruppe1", code: "aaaaaa"),
            .init(groupID: 2, user: "gruppe2", code: "bbbbbb"),
        ])
    }

    func testAGroupsUserNeedsThatGroupsCode() {
        XCTAssertEqual(service().login(user: "gruppe1", code: "aaaaaa"), .group(1))
        XCTAssertEqual(service().login(user: "Gruppe1", code: "AAAAAA"), .group(1))
        XCTAssertEqual(service().login(user: "gruppe1", code: "bbbbbb"), .refused, "another group's code")
        XCTAssertEqual(service().login(user: "gruppe2", code: "cccccc"), .refused)
    }

    func testAnyOtherUserNameNeedsSomeGroupsCodeAndChoosesTheGroup() {
        XCTAssertEqual(service().login(user: "anna", code: "bbbbbb"), .chooseGroup)
        XCTAssertEqual(service().login(user: "anna", code: "zzzzzz"), .refused)
        XCTAssertEqual(service().login(user: "root", code: ""), .refused)
    }

    func testJoinLinesNameTheCommandAndTheCode() {
        let groups = [Group(id: 1, name: "Gruppe 1", position: 0), Group(id: 2, name: "Gruppe 2", position: 1),
                      Group(id: 3, name: "Ny", position: 2)]
        let lines = service().joinLines(groups: groups)
        XCTAssertEqual(lines.map { $0.text(.da) }, ["ssh -p 2222 gruppe1@10.0.0.5   kode aaaaaa",
                                                    "ssh -p 2222 gruppe2@10.0.0.5   kode bbbbbb"])
        XCTAssertEqual(lines[0].text(.en), "ssh -p 2222 gruppe1@10.0.0.5   code aaaaaa")
    }
}
