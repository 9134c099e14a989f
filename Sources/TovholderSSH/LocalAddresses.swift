import Foundation

/// The addresses the groups' laptops can reach this one at, for the join lines: the
/// machine's IPv4 addresses but loopback, private networks (the room's wifi) first.
public enum LocalAddresses {
    public static func forJoining(listen: String) -> [String] {
        if listen != "0.0.0.0" && listen != "::" && !listen.isEmpty { return [listen] }
        var found: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return ["127.0.0.1"] }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let sa = entry.pointee.ifa_addr, sa.pointee.sa_family == UInt8(AF_INET),
                  (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0,
                  (entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK)) == 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(sa, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let address = String(cString: host)
                if !found.contains(address) { found.append(address) }
            }
        }
        let ordered = found.filter(isPrivate) + found.filter { !isPrivate($0) }
        return ordered.isEmpty ? ["127.0.0.1"] : ordered
    }

    static func isPrivate(_ address: String) -> Bool {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 192 && parts[1] == 168) || (parts[0] == 172 && (16...31).contains(parts[1]))
    }
}
