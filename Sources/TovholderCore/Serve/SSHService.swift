/// `tovholder serve` running on a session: where the groups connect, the host key's
/// fingerprint and each group's user name and code. Kept in the session file so the
/// facilitator's console and the projector can show the join lines, and the facilitator can
/// renew the codes; deleted when serve stops, so a code is valid only while it runs.
public struct SSHService: Equatable, Sendable {
    public var port: Int
    public var address: String
    public var fingerprint: String
    public var pid: Int32
    public var startedAt: Double
    public var codes: [GroupCode]
    /// What serve has told the console since it started, oldest first.
    public var notices: [ServeNotice]

    public init(port: Int, address: String, fingerprint: String, pid: Int32, startedAt: Double, codes: [GroupCode],
                notices: [ServeNotice] = []) {
        self.port = port; self.address = address; self.fingerprint = fingerprint; self.pid = pid
        self.startedAt = startedAt; self.codes = codes; self.notices = notices
    }

    /// The last failures before login, newest last, for the console.
    public var recentFailures: [ServeNotice] {
        Array(notices.filter { $0.kind == .failure }.suffix(ServeNotice.shown))
    }

    /// Nobody has reached serve yet (and it has said so).
    public var isUnreached: Bool { notices.contains { $0.kind == .silent } }

    public struct GroupCode: Equatable, Sendable {
        public var groupID: Int64
        public var user: String
        public var code: String
        public init(groupID: Int64, user: String, code: String) {
            self.groupID = groupID; self.user = user; self.code = code
        }
    }

    /// The command a group types: `ssh -p 2222 gruppe1@192.168.1.20`.
    public func command(for code: GroupCode) -> String {
        "ssh -p \(port) \(code.user)@\(address)"
    }

    /// One line per active group: its name, the command and `kode CODE`.
    public func joinLines(groups: [Group]) -> [JoinLine] {
        groups.compactMap { g in
            codes.first { $0.groupID == g.id }.map { JoinLine(group: g.name, command: command(for: $0), code: $0.code) }
        }
    }

    public struct JoinLine: Equatable, Sendable {
        public var group: String
        public var command: String
        public var code: String
        /// "ssh -p 2222 gruppe1@10.0.0.5   kode k7m4pq" (`code` in English).
        public func text(_ lang: Language) -> String {
            "\(command)   \(lang == .da ? "kode" : "code") \(code)"
        }
    }

    /// Who a login is: a group's user name with that group's code, or (a user name that is
    /// no group) any group's code, after which the view asks which group.
    public enum Login: Equatable, Sendable {
        case group(Int64)
        case chooseGroup
        case refused
    }

    public func login(user: String, code typed: String) -> Login {
        if let mine = codes.first(where: { $0.user == user.lowercased() }) {
            return JoinCode.matches(typed, mine.code) ? .group(mine.groupID) : .refused
        }
        // Every code is compared, so the time taken does not tell which one was close.
        let anyMatch = codes.map { JoinCode.matches(typed, $0.code) }.contains(true)
        return anyMatch ? .chooseGroup : .refused
    }
}
