/// Static inline SVG bar charts for the report page: drawn once by Swift, so the page needs
/// no script or chart library to show them and prints as it looks.
///
/// Every bar is a `<rect class="bar">` with a `<title>` (the browser's tooltip), and each
/// chart's `<svg>` carries `data-bars` with its number of bars, which the browser test checks.
/// Labels are escaped here; callers pass plain text.
enum SVGChart {
    /// One bar: its label, its length and the value shown beside it.
    struct Bar: Sendable, Equatable {
        var label: String
        var value: Double
        var display: String
        var color: String

        init(label: String, value: Double, display: String, color: String = SVGChart.blue) {
            self.label = label
            self.value = value
            self.display = display
            self.color = color
        }
    }

    static let blue = "#3b6fb6"
    static let green = "#3a8f4c"
    static let red = "#c0453a"
    static let orange = "#d08a2c"

    /// Horizontal bars, one row per bar: label, bar scaled to the largest, value.
    static func bars(id: String, title: String, _ bars: [Bar]) -> String {
        let width = 720.0, labelWidth = 210.0, valueWidth = 110.0, row = 20.0, top = 4.0
        let plot = width - labelWidth - valueWidth
        let height = top * 2 + row * Double(max(bars.count, 1))
        let maxValue = bars.map(\.value).max() ?? 0
        var s = svgOpen(id: id, title: title, width: width, height: height, count: bars.count)
        for (i, b) in bars.enumerated() {
            let y = top + row * Double(i)
            let w = maxValue > 0 ? max(b.value > 0 ? 1 : 0, b.value / maxValue * plot) : 0
            s += #"<text class="label" x="\#(num(labelWidth - 6))" y="\#(num(y + 14))" text-anchor="end">\#(HTML.escape(short(b.label, 32)))</text>"#
            s += #"<rect class="bar" x="\#(num(labelWidth))" y="\#(num(y + 3))" width="\#(num(w))" height="\#(num(row - 6))" fill="\#(b.color)"><title>\#(HTML.escape(b.label)): \#(HTML.escape(b.display))</title></rect>"#
            s += #"<text class="value" x="\#(num(labelWidth + w + 4))" y="\#(num(y + 14))">\#(HTML.escape(b.display))</text>"#
        }
        return s + "</svg>"
    }

    /// A histogram: vertical bars, one per bucket in order, labelled below; the y axis is
    /// linear from 0 to the largest count.
    static func histogram(id: String, title: String, xLabel: String, _ bars: [Bar]) -> String {
        let width = 720.0, left = 56.0, right = 8.0, top = 12.0, bottom = 44.0, height = 220.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = bars.map(\.value).max() ?? 0
        let step = plotW / Double(max(bars.count, 1))
        var s = svgOpen(id: id, title: title, width: width, height: height, count: bars.count)
        s += #"<line class="axis" x1="\#(num(left))" y1="\#(num(top + plotH))" x2="\#(num(width - right))" y2="\#(num(top + plotH))"/>"#
        s += #"<text class="tick" x="\#(num(left - 4))" y="\#(num(top + 8))" text-anchor="end">\#(HTML.escape(Self.compact(maxValue)))</text>"#
        s += #"<text class="tick" x="\#(num(left - 4))" y="\#(num(top + plotH))" text-anchor="end">0</text>"#
        // Every k-th label, k from the widest label's width, so that none overlaps its neighbour
        // (a count of bars alone let "4096–8191" and "8192–16.4k" run into each other).
        let every = max(1, Int((Self.tickWidth(bars.map(\.label).max { $0.count < $1.count } ?? "") / step).rounded(.up)))
        for (i, b) in bars.enumerated() {
            let h = maxValue > 0 ? max(b.value > 0 ? 1 : 0, b.value / maxValue * plotH) : 0
            let x = left + step * Double(i)
            s += #"<rect class="bar" x="\#(num(x + 1))" y="\#(num(top + plotH - h))" width="\#(num(max(step - 2, 1)))" height="\#(num(h))" fill="\#(b.color)"><title>\#(HTML.escape(b.label)): \#(HTML.escape(b.display))</title></rect>"#
            if i % every == 0 {
                // Centred under its bar, or ending at the chart's edge where centring would cut it.
                let centre = x + step / 2
                let fits = centre + Self.tickWidth(b.label) / 2 <= width
                s += #"<text class="tick" x="\#(num(fits ? centre : width - 1))" y="\#(num(top + plotH + 14))" text-anchor="\#(fits ? "middle" : "end")">\#(HTML.escape(b.label))</text>"#
            }
        }
        s += #"<text class="axis-label" x="\#(num(left + plotW / 2))" y="\#(num(height - 6))" text-anchor="middle">\#(HTML.escape(xLabel))</text>"#
        return s + "</svg>"
    }

    private static func svgOpen(id: String, title: String, width: Double, height: Double, count: Int) -> String {
        #"<svg class="chart" id="\#(HTML.escape(id))" data-bars="\#(count)" viewBox="0 0 \#(num(width)) \#(num(height))" width="\#(num(width))" height="\#(num(height))" role="img" aria-label="\#(HTML.escape(title))" xmlns="http://www.w3.org/2000/svg">"#
    }

    /// The room a tick label takes: its characters at the 11 px tick font (digits and
    /// dashes about 6.2 px wide), and a gap.
    static func tickWidth(_ label: String) -> Double { Double(label.count) * 6.2 + 8 }

    /// A coordinate with at most one decimal.
    static func num(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : Format.fixed(r, 1)
    }

    /// `s` cut to `n` characters with an ellipsis.
    static func short(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    /// 12345 → "12.3k", 131071 → "131k", 2500000 → "2.5M": axis ticks (a decimal only below
    /// 100 of the unit, keeping tick labels short).
    static func compact(_ v: Double) -> String {
        func unit(_ x: Double, _ suffix: String) -> String { Format.fixed(x, x >= 99.95 ? 0 : 1) + suffix }
        if v >= 1e9 { return unit(v / 1e9, "G") }
        if v >= 1e6 { return unit(v / 1e6, "M") }
        if v >= 1e4 { return unit(v / 1e3, "k") }
        return v == v.rounded() ? String(Int(v)) : Format.fixed(v, 2)
    }
}
