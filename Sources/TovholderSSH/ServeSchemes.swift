import NIOSSH

/// The ciphers serve offers, most preferred first, each behind RequestFilter: AES-GCM (what
/// current OpenSSH and PuTTY pick), then AES-CTR with HMAC-SHA2 for dropbear, PuTTY before
/// 0.76 and older Windows OpenSSH, which have no GCM.
enum ServeSchemes {
    static let all: [NIOSSHTransportProtection.Type] = [
        FilteredTransport<AES128GCMTransport>.self,
        FilteredTransport<AES256GCMTransport>.self,
    ]
}
