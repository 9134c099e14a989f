import Foundation

/// The address the groups' laptops reach this one at, for the join lines: the IPv4 address
/// of the interface that holds the default route (the room's network). Without one, the first
/// private address of a physical or Wi-Fi interface. Adapters of containers, VMs and VPNs
/// (`docker0`, `br-…`, `veth…`, `virbr…`, `tun`/`tap`/`wg…`) are never chosen: a Docker
/// adapter's 172.17.0.1 once went on every group's join line. The rest are listed below.
public enum LocalAddresses {
    public struct Interface: Equatable, Sendable {
        public var name: String
        public var address: String
        public init(name: String, address: String) { self.name = name; self.address = address }
    }

    public struct Choice: Equatable, Sendable {
        /// What the join lines say.
        public var primary: Interface?
        /// Every other usable address, with its interface, for the line below.
        public var others: [Interface]
    }

    /// This machine's addresses and default route, now.
    public static func current() -> Choice {
        let route = try? String(contentsOfFile: "/proc/net/route", encoding: .utf8)
        return choose(interfaces: ipv4Interfaces(), defaultRoute: route.flatMap(defaultRouteInterface))
    }

    static func choose(interfaces: [Interface], defaultRoute: String?) -> Choice {
        let usable = interfaces.filter { isUsable($0.address) && $0.name != "lo" }
        let primary = usable.first { $0.name == defaultRoute }
            ?? usable.first { !isVirtual($0.name) && isPrivate($0.address) }
            ?? usable.first { !isVirtual($0.name) }
        return Choice(primary: primary, others: usable.filter { $0 != primary })
    }

    /// The interface of the default route with the lowest metric, from `/proc/net/route`
    /// (hexadecimal destination and mask both 0).
    static func defaultRouteInterface(_ table: String) -> String? {
        var best: (name: String, metric: Int)?
        for line in table.split(separator: "\n").dropFirst() {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 8, f[1] == "00000000", f[7] == "00000000", let metric = Int(f[6]) else { continue }
            if best == nil || metric < best!.metric { best = (String(f[0]), metric) }
        }
        return best?.name
    }

    static let virtualPrefixes = ["docker", "br-", "veth", "virbr", "tun", "tap", "wg"]

    static func isVirtual(_ name: String) -> Bool { virtualPrefixes.contains { name.hasPrefix($0) } }

    /// Not loopback, not link-local (169.254.x.x: no DHCP answered), not unspecified.
    static func isUsable(_ address: String) -> Bool {
        let p = address.split(separator: ".").compactMap { Int($0) }
        guard p.count == 4 else { return false }
        return p[0] != 127 && !(p[0] == 169 && p[1] == 254) && p[0] != 0
    }

    static func isPrivate(_ address: String) -> Bool {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 192 && parts[1] == 168) || (parts[0] == 172 && (16...31).contains(parts[1]))
    }

    /// Every IPv4 address of an interface that is up, in the order the system lists them.
    static func ipv4Interfaces() -> [Interface] {
        var found: [Interface] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let sa = entry.pointee.ifa_addr, sa.pointee.sa_family == UInt8(AF_INET),
                  (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(sa, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let found1 = Interface(name: String(cString: entry.pointee.ifa_name), address: String(cString: host))
                if !found.contains(found1) { found.append(found1) }
            }
        }
        return found
    }
}
