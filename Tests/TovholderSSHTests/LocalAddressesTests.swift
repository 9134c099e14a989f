import XCTest
@testable import TovholderSSH

/// The join lines' address: the default route's interface, never a Docker or VPN adapter.
final class LocalAddressesTests: XCTestCase {
    typealias I = LocalAddresses.Interface

    let route = """
        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
        docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
        wlp2s0\t00000000\t01C8A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
        eth0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0
        wlp2s0\t00C8A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
        """

    func testTheDefaultRouteWithTheLowestMetricWins() {
        XCTAssertEqual(LocalAddresses.defaultRouteInterface(route), "eth0")
        XCTAssertNil(LocalAddresses.defaultRouteInterface("Iface\tDestination\n"))
    }

    func testTheDockerAdapterListedFirstIsNotChosen() {
        let interfaces = [I(name: "lo", address: "127.0.0.1"), I(name: "docker0", address: "172.17.0.1"),
                          I(name: "wlp2s0", address: "10.200.3.2")]
        let choice = LocalAddresses.choose(interfaces: interfaces, defaultRoute: "wlp2s0")
        XCTAssertEqual(choice.primary, I(name: "wlp2s0", address: "10.200.3.2"))
        XCTAssertEqual(choice.others, [I(name: "docker0", address: "172.17.0.1")], "loopback is no way in")
    }

    func testWithoutADefaultRouteAPhysicalPrivateAddressNeverAVirtualOne() {
        let interfaces = [I(name: "docker0", address: "172.17.0.1"), I(name: "br-5f2a", address: "172.18.0.1"),
                          I(name: "veth12", address: "10.1.0.1"), I(name: "virbr0", address: "192.168.122.1"),
                          I(name: "tun0", address: "10.8.0.2"), I(name: "wg0", address: "10.9.0.2"),
                          I(name: "tap1", address: "10.7.0.2"), I(name: "enp0s31f6", address: "169.254.10.2"),
                          I(name: "wlan0", address: "192.168.1.23")]
        let choice = LocalAddresses.choose(interfaces: interfaces, defaultRoute: nil)
        XCTAssertEqual(choice.primary, I(name: "wlan0", address: "192.168.1.23"))
        XCTAssertFalse(choice.others.contains { $0.address.hasPrefix("169.254") }, "link-local is never offered")
        XCTAssertEqual(choice.others.count, 7)
    }

    func testOnlyVirtualAdaptersMeansNoChoice() {
        let choice = LocalAddresses.choose(interfaces: [I(name: "docker0", address: "172.17.0.1")], defaultRoute: nil)
        XCTAssertNil(choice.primary)
        XCTAssertEqual(choice.others.map(\.name), ["docker0"])
    }
}
