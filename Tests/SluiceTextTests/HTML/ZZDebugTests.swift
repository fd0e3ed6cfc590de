import Foundation
import Testing
@testable import SluiceText

@Suite struct ZZDebugTests {
    @Test func dump() throws {
        guard let ids = try? String(contentsOfFile: "/tmp/meta/dbg/ids.txt", encoding: .utf8) else { return }
        for id in ids.split(separator: "\n") {
            let html = try Data(contentsOf: URL(fileURLWithPath: "/tmp/meta/dbg/" + id))
            var scan = HTMLMetadataScan()
            scan.run(Array(html))
            print("== \(id)")
            print("dates", scan.dates)
            print("authors", scan.authors)
            print("title", scan.title ?? "-", "| h", scan.headings)
            print("meta", scan.meta.filter { $0.key.contains("author") || $0.key.contains("title") || $0.key.contains("date") || $0.key.contains("site") })
            print("ld", JSONLDMetadata(scan.jsonLD))
        }
    }
}
