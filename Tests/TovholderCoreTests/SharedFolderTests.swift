import Foundation
import XCTest
@testable import TovholderCore

/// Issue 21, point 5: a folder is shared only when it is setgid, or group-writable and not
/// world-writable; there files get the folder's group and 0660, elsewhere (/tmp) 0600.
final class SharedFolderTests: StoreTestCase {
    /// A group the test process is not in when it runs as root (chown to it then works).
    var folderGroup: gid_t { geteuid() == 0 ? 4242 : getegid() }

    func stat(_ path: String) -> (mode: mode_t, group: gid_t) {
        var st = Foundation.stat()
        XCTAssertEqual(lstat(path, &st), 0, path)
        return (st.st_mode & 0o777, st.st_gid)
    }

    /// (folder mode, file mode, whether the file gets the folder's group)
    let cases: [(mode_t, mode_t, Bool)] = [
        (0o1777, 0o600, false), (0o2770, 0o660, true), (0o770, 0o660, true),
        (0o775, 0o660, true), (0o777, 0o600, false), (0o755, 0o600, false),
    ]

    func testTheRule() {
        for (folder, mode, shared) in cases {
            let s = FilePermissions.sharing(folderMode: S_IFDIR | folder, folderGroup: 77)
            XCTAssertEqual(s, FilePermissions.Sharing(mode: mode, group: shared ? 77 : nil), String(folder, radix: 8))
        }
        // Sticky or world-writable wins over setgid: such a folder's group says nothing.
        XCTAssertEqual(FilePermissions.sharing(folderMode: 0o3777, folderGroup: 77), .privateFile)
        XCTAssertEqual(FilePermissions.sharing(folderMode: 0o3770, folderGroup: 77), .privateFile)
        XCTAssertEqual(FilePermissions.sharing(folderMode: 0o2750, folderGroup: 77).mode, 0o660, "setgid alone")
    }

    func testSessionSidecarsSnapshotsAndMinutesFollowTheRuleInRealFolders() throws {
        let old = umask(0o022)
        defer { umask(old) }
        for (folderMode, expected, shared) in cases {
            let folder = dir + "/f\(String(folderMode, radix: 8))"
            mkdir(folder, 0o700)
            chown(folder, uid_t.max, folderGroup)
            chmod(folder, folderMode)
            let group = shared ? folderGroup : getegid()
            let store = try SessionStore.create(path: folder + "/dag.tovholder", programme: TestProgramme.day(),
                                                templateName: "t", now: 0)
            _ = try store.addGroup(name: "Gruppe X")  // a write: -wal and -shm exist
            var files = [store.path, store.path + "-wal", store.path + "-shm"]
            files.append(try Snapshots.take(store, now: 1_000_000, utcOffsetSeconds: 0).path)
            files += try MinutesExport.write(store: store, language: .da, utcOffsetSeconds: 0, now: 1)
            for file in files {
                let got = stat(file)
                XCTAssertEqual(got.mode, expected, "\(file) in a \(String(folderMode, radix: 8)) folder")
                XCTAssertEqual(got.group, group, "\(file) in a \(String(folderMode, radix: 8)) folder")
            }
        }
    }

    /// A session an older version made 0660 where the folder is no longer counted as shared
    /// (/tmp) is narrowed to 0600 when opened by its owner.
    func testAnOlderSessionIn1777IsNarrowedOnOpen() throws {
        let folder = dir + "/tmp"
        mkdir(folder, 0o700); chmod(folder, 0o1777)
        let store = try SessionStore.create(path: folder + "/dag.tovholder", programme: TestProgramme.day(),
                                            templateName: "t", now: 0)
        try store.queue.close()
        chmod(store.path, 0o660)
        _ = try SessionStore.open(path: store.path)
        XCTAssertEqual(stat(store.path).mode, 0o600)
    }

    /// In a shared folder that is not setgid, the -wal and -shm SQLite makes would have the
    /// opener's primary group: they are made first with the folder's.
    func testSidecarsAreMadeWithTheFoldersGroupBeforeSQLiteMakesThem() throws {
        let folder = dir + "/shared"
        mkdir(folder, 0o700); chown(folder, uid_t.max, folderGroup); chmod(folder, 0o770)
        let store = try SessionStore.create(path: folder + "/dag.tovholder", programme: TestProgramme.day(),
                                            templateName: "t", now: 0)
        try store.queue.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path + "-wal"))
        FilePermissions.secure(session: store.path)
        for sidecar in ["-wal", "-shm"] {
            XCTAssertEqual(stat(store.path + sidecar).mode, 0o660, sidecar)
            XCTAssertEqual(stat(store.path + sidecar).group, folderGroup, sidecar)
        }
        let reopened = try SessionStore.open(path: store.path)  // SQLite takes the empty ones as new
        _ = try reopened.addGroup(name: "Gruppe Y")
        XCTAssertEqual(try reopened.loadWorkshop().activeGroups.last?.name, "Gruppe Y")
    }
}
