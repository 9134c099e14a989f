import Foundation
import TovholderCore

// Load generator for the session file: many of these processes write and watch one
// session at once, as the facilitator's and the participants' terminals do. Used by
// Tests/e2e/test_concurrency.py and Benchmarks/concurrency.py.
//
//   tovholder-load create FILE
//   tovholder-load write FILE --writer N [--edits 500] [--mode own|same] [--field-entry ID]
//   tovholder-load watch FILE --until TEXT [--timeout S]
//   tovholder-load set FILE --entry ID --text TEXT

/// CLOCK_MONOTONIC in seconds: the same clock Python's time.monotonic() reads on Linux, so
/// times from different processes on this machine can be subtracted.
func monotonic() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data(("tovholder-load: " + message + "\n").utf8))
    exit(code)
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// `--name value` options after the positional FILE.
struct Options {
    var values: [String: String] = [:]
    init(_ args: ArraySlice<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            guard a.hasPrefix("--"), i + 1 < args.endIndex else { fail("unexpected argument \(a)") }
            values[String(a.dropFirst(2))] = args[i + 1]
            i += 2
        }
    }
    func string(_ name: String) -> String? { values[name] }
    func int(_ name: String, default d: Int? = nil) -> Int {
        guard let s = values[name] else {
            if let d { return d }
            fail("--\(name) is required")
        }
        guard let n = Int(s) else { fail("--\(name) wants a number, got \(s)") }
        return n
    }
    func double(_ name: String, default d: Double) -> Double {
        guard let s = values[name] else { return d }
        guard let n = Double(s) else { fail("--\(name) wants a number, got \(s)") }
        return n
    }
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(0, rank), sorted.count - 1)]
}

func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

func openStore(_ file: String) -> SessionStore {
    do { return try SessionStore.open(path: file) } catch { fail("\(file): \(error)", code: 1) }
}

// MARK: subcommands

func create(_ file: String) {
    guard let path = TemplateCatalog.defaultPath else { fail("bundled template not found (set TOVHOLDER_TEMPLATES)", code: 1) }
    switch TemplateLoader.load(path: path) {
    case .failure(let errors): fail(errors.text(.en), code: 1)
    case .success(let programme):
        do {
            _ = try SessionStore.create(path: file, programme: programme,
                                        templateName: (path as NSString).lastPathComponent,
                                        now: Date().timeIntervalSince1970)
        } catch { fail("\(file): \(error)", code: 1) }
    }
}

func write(_ file: String, _ o: Options) {
    let writer = o.int("writer"), edits = o.int("edits", default: 500)
    let mode = o.string("mode") ?? "own"
    let store = openStore(file)
    let entryID: Int64
    switch mode {
    case "own":
        // Each writer its own field, like a participant typing in their own mechanism.
        do { entryID = try store.addEntry(groupID: 1, kind: .mechanism, author: "w\(writer)").id }
        catch { fail("addEntry: \(error)", code: 1) }
    case "same":
        entryID = Int64(o.int("field-entry"))
    default:
        fail("--mode is own or same")
    }
    var latencies: [Double] = []
    latencies.reserveCapacity(edits)
    var errors = 0
    for j in 0..<edits {
        let text = "w\(writer)-e\(j)"
        let t0 = monotonic()
        do {
            try store.setText(entryID: entryID, text: text, author: "w\(writer)")
        } catch {
            // Counted, never retried: a lost edit must show up as an error here.
            errors += 1
            warn("w\(writer) e\(j): \(error)")
            continue
        }
        latencies.append((monotonic() - t0) * 1000)
    }
    let sorted = latencies.sorted()
    let line: [String: Any] = [
        "writer": writer, "entry": entryID, "edits": edits, "errors": errors,
        "p50_ms": round3(percentile(sorted, 0.50)), "p99_ms": round3(percentile(sorted, 0.99)),
        "latencies_ms": latencies.map(round3),
    ]
    let data = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
    exit(errors == 0 ? 0 : 1)
}

/// One edit; prints the monotonic time right after the commit returned.
func set(_ file: String, _ o: Options) {
    let store = openStore(file)
    guard let text = o.string("text") else { fail("--text is required") }
    do { try store.setText(entryID: Int64(o.int("entry")), text: text, author: o.string("author") ?? "load") }
    catch { fail("setText: \(error)", code: 1) }
    print(String(format: "%.6f", monotonic()))
}

/// Polls like the app's event loop: `PRAGMA data_version` every 1 ms, reload on change.
func watch(_ file: String, _ o: Options) {
    guard let until = o.string("until") else { fail("--until is required") }
    let timeout = o.double("timeout", default: 10)
    let store = openStore(file)
    func seen() -> Bool {
        guard let w = try? store.loadWorkshop() else { return false }
        return w.worksheets.values.contains { sheet in
            ([sheet.challenge].compactMap { $0 } + sheet.goals + sheet.mechanisms + sheet.trialActions + sheet.signs)
                .contains { $0.text == until }
        }
    }
    var version = (try? store.dataVersion()) ?? -1
    var found = seen()
    // Tells a benchmark that the first load is done and polling starts now.
    warn("ready")
    let deadline = monotonic() + timeout
    while !found {
        if monotonic() > deadline { fail("\"\(until)\" not seen within \(timeout) s", code: 1) }
        usleep(1000)
        guard let v = try? store.dataVersion(), v != version else { continue }
        version = v
        found = seen()
    }
    print(String(format: "%.6f", monotonic()))
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    fail("usage: tovholder-load create|write|watch|set FILE [options]")
}
let file = args[2], options = Options(args[3...])
switch args[1] {
case "create": create(file)
case "write": write(file, options)
case "watch": watch(file, options)
case "set": set(file, options)
default: fail("unknown subcommand \(args[1])")
}
