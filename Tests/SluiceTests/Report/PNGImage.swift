import CZlib
import Foundation

/// A decoded PNG (8-bit grey, RGB or RGBA, not interlaced: what Chromium's `--screenshot`
/// writes), enough to tell a rendered page from a blank one.
struct PNGImage {
    var width: Int
    var height: Int
    /// Bytes per pixel: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA.
    var channels: Int
    /// Unfiltered rows, `width * channels` bytes each.
    var pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(data: Data) throws {
        let b = [UInt8](data)
        guard b.count > 33, b.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw Failure(description: "not a PNG") }
        func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        var at = 8
        var idat: [UInt8] = []
        var header: (w: Int, h: Int, depth: UInt8, type: UInt8, interlace: UInt8)?
        while at + 8 <= b.count {
            let length = u32(at)
            let type = String(decoding: b[(at + 4)..<(at + 8)], as: UTF8.self)
            let body = (at + 8)..<min(b.count, at + 8 + length)
            if type == "IHDR" { header = (u32(body.lowerBound), u32(body.lowerBound + 4), b[body.lowerBound + 8], b[body.lowerBound + 9], b[body.lowerBound + 12]) }
            if type == "IDAT" { idat += b[body] }
            if type == "IEND" { break }
            at += 12 + length
        }
        guard let h = header, h.depth == 8, h.interlace == 0 else { throw Failure(description: "unsupported PNG header") }
        let channels: Int
        switch h.type {
        case 0: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw Failure(description: "unsupported PNG colour type \(h.type)")
        }
        let stride = h.w * channels
        var raw = [UInt8](repeating: 0, count: (stride + 1) * h.h)
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            idat.withUnsafeBufferPointer { uncompress(out.baseAddress, &rawLength, $0.baseAddress, uLong($0.count)) }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { throw Failure(description: "zlib error \(status)") }
        // Undo each row's filter (PNG spec, section 9).
        var pixels = [UInt8](repeating: 0, count: stride * h.h)
        for y in 0..<h.h {
            let filter = raw[y * (stride + 1)]
            let src = y * (stride + 1) + 1, row = y * stride, prev = row - stride
            for x in 0..<stride {
                let a = x >= channels ? Int(pixels[row + x - channels]) : 0
                let up = y > 0 ? Int(pixels[prev + x]) : 0
                let c = x >= channels && y > 0 ? Int(pixels[prev + x - channels]) : 0
                let v = Int(raw[src + x])
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = up
                case 3: predicted = (a + up) / 2
                case 4:
                    let p = a + up - c, pa = abs(p - a), pb = abs(p - up), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? up : c
                default: throw Failure(description: "bad filter \(filter) in row \(y)")
                }
                pixels[row + x] = UInt8((v + predicted) & 0xFF)
            }
        }
        self.width = h.w
        self.height = h.h
        self.channels = channels
        self.pixels = pixels
    }

    /// Distinct colours (alpha ignored) and the share of the most common one.
    func colourVariety() -> (distinct: Int, commonestShare: Double) {
        var counts: [UInt32: Int] = [:]
        let rgb = min(channels, 3)
        for i in stride(from: 0, to: pixels.count, by: channels) {
            var key: UInt32 = 0
            for k in 0..<rgb { key = key << 8 | UInt32(pixels[i + k]) }
            counts[key, default: 0] += 1
        }
        let total = max(1, width * height)
        return (counts.count, Double(counts.values.max() ?? 0) / Double(total))
    }
}
