#if canImport(Glibc)
import Glibc
#endif

/// The harness this process runs, chosen once by `SLUICE_FUZZ_HARNESS` (libFuzzer has a single
/// entry point, so one binary serves every harness and is built once).
nonisolated(unsafe) private var selected: Harness?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>>>) -> CInt {
    let name = getenv("SLUICE_FUZZ_HARNESS").map { String(cString: $0) } ?? ""
    guard let h = Harness.all.first(where: { $0.name == name }) else {
        let names = Harness.all.map(\.name).joined(separator: " ")
        printError("sluice-fuzz: set SLUICE_FUZZ_HARNESS to one of: \(names)")
        exit(2)
    }
    selected = h
    h.setUp()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    selected!.run(FuzzInput(input))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target's entry point under this name; hand over to libFuzzer.
@_cdecl("sluice_fuzz_main")
public func sluiceFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzerTestOneInput($0, $1) }
}
