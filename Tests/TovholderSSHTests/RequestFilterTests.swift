import NIOCore
import XCTest
@testable import TovholderSSH

/// The packets swift-nio-ssh would choke on are rewritten; everything else passes as it is.
final class RequestFilterTests: XCTestCase {
    func request(_ type: String, wantReply: Bool, extra: (inout ByteBuffer) -> Void = { _ in }) -> ByteBuffer {
        var b = ByteBufferAllocator().buffer(capacity: 64)
        b.writeInteger(UInt8(98)); b.writeInteger(UInt32(7))
        b.writeInteger(UInt32(type.utf8.count)); b.writeString(type)
        b.writeInteger(UInt8(wantReply ? 1 : 0))
        extra(&b)
        return b
    }

    func testX11RequestBecomesARefusableSubsystemRequestWithTheSameFlag() {
        let x11 = request("x11-req", wantReply: true) { b in
            b.writeInteger(UInt8(0))
            b.writeInteger(UInt32(18)); b.writeString("MIT-MAGIC-COOKIE-1")
            b.writeInteger(UInt32(4)); b.writeString("abcd")
            b.writeInteger(UInt32(0))
        }
        var out = RequestFilter.filter(x11)
        XCTAssertEqual(out.readInteger(as: UInt8.self), 98)
        XCTAssertEqual(out.readInteger(as: UInt32.self), 7, "the same channel")
        let typeLength = out.readInteger(as: UInt32.self).map(Int.init) ?? 0
        XCTAssertEqual(out.readString(length: typeLength), "subsystem")
        XCTAssertEqual(out.readInteger(as: UInt8.self), 1, "still wants a reply")
        let nameLength = out.readInteger(as: UInt32.self).map(Int.init) ?? 0
        XCTAssertEqual(out.readString(length: nameLength), "tovholder-refused/x11-req")
        XCTAssertEqual(out.readableBytes, 0, "nothing left over for NIOSSH to choke on")
    }

    func testKnownRequestsAndOtherMessagesPassUntouched() {
        let pty = request("pty-req", wantReply: true) { $0.writeInteger(UInt32(5)); $0.writeString("xterm") }
        XCTAssertEqual(RequestFilter.filter(pty), pty)
        var data = ByteBufferAllocator().buffer(capacity: 16)
        data.writeInteger(UInt8(94)); data.writeInteger(UInt32(7)); data.writeInteger(UInt32(1)); data.writeString("x")
        XCTAssertEqual(RequestFilter.filter(data), data)
        let short = ByteBuffer(bytes: [98, 0, 0])
        XCTAssertEqual(RequestFilter.filter(short), short, "a truncated packet is NIOSSH's to refuse")
    }

    func testOnlyForwardingIsWorthALine() {
        XCTAssertEqual(RequestFilter.describe("tovholder-refused/x11-req")?.da, "X11-videresendelse")
        XCTAssertEqual(RequestFilter.describe("tovholder-refused/auth-agent-req@openssh.com")?.en, "agent forwarding")
        XCTAssertNil(RequestFilter.describe("tovholder-refused/keepalive@openssh.com"))
    }
}
