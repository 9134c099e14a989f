/// Limits guessing of join codes: a connection gets `perConnection` tries (as OpenSSH's
/// client asks three times), and an address that failed `perAddress` times within `window`
/// seconds is refused until its oldest failure is that old. Success clears nothing: a
/// participant who joined does not open the door for more guessing from the same address.
public struct AttemptLimiter: Sendable {
    public static let perConnection = 3
    public static let perAddress = 10
    public static let window = 600.0

    private var failures: [String: [Double]] = [:]

    public init() {}

    public func isBlocked(_ address: String, now: Double) -> Bool {
        recent(address, now: now).count >= Self.perAddress
    }

    public mutating func recordFailure(_ address: String, now: Double) {
        failures[address] = recent(address, now: now) + [now]
        // Forget addresses whose failures have all aged out, so a scan cannot grow the table.
        if failures.count > 1000 { failures = failures.filter { !recent($0.key, now: now).isEmpty } }
    }

    /// Seconds until the address may try again (0 when it may now).
    public func waitFor(_ address: String, now: Double) -> Double {
        let times = recent(address, now: now)
        guard times.count >= Self.perAddress else { return 0 }
        return times[times.count - Self.perAddress] + Self.window - now
    }

    private func recent(_ address: String, now: Double) -> [Double] {
        (failures[address] ?? []).filter { $0 > now - Self.window }
    }
}
