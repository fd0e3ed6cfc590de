/// A parsed HTML page as a compact tree: nodes in document order in one array, text and
/// attribute values in one byte buffer. Built by ``HTMLTreeBuilder``.
///
/// Only what main-text extraction needs is kept: elements, their text, and a few attributes
/// (``HTMLAttributeName``). Scripts, styles, comments, `<template>`, `<select>` and foreign
/// content (SVG, MathML) are left out whole.
public struct HTMLDocument: Sendable {
    /// One element or text node. Links are node indices, -1 for none.
    public struct Node: Sendable {
        /// The element's tag, or ``HTMLTag/text`` for a text node.
        public var tag: HTMLTag
        /// The parent node.
        public var parent: Int32
        /// The first child.
        public var firstChild: Int32 = -1
        /// The last child.
        public var lastChild: Int32 = -1
        /// The next sibling.
        public var nextSibling: Int32 = -1
        /// Text node: the range of its bytes in ``HTMLDocument/bytes``. Element: the range of
        /// its attributes in ``HTMLDocument/attributes``.
        public var start: Int32
        /// End of the range that ``start`` begins, exclusive.
        public var end: Int32
        /// For ``HTMLTag/unknown`` elements, a hash of the name, which end tags are matched by.
        public var nameHash: UInt32 = 0
    }

    /// A kept attribute: its name and the range of its value in ``bytes``.
    public struct Attribute: Sendable {
        /// Which attribute.
        public var name: HTMLAttributeName
        /// Start of the value in ``HTMLDocument/bytes``.
        public var start: Int32
        /// End of the value, exclusive.
        public var end: Int32
    }

    /// Node 0 is the document; the rest follow in document order (a node's descendants come
    /// right after it, before its next sibling).
    public internal(set) var nodes: [Node]
    /// The kept attributes of every element, element by element.
    public internal(set) var attributes: [Attribute] = []
    /// The text of text nodes and the values of attributes, UTF-8.
    public internal(set) var bytes: [UInt8] = []

    init() {
        nodes = [Node(tag: .document, parent: -1, start: 0, end: 0)]
    }

    /// The index of the document node.
    public static let root: Int32 = 0

    /// Node `i`.
    public subscript(_ i: Int32) -> Node { nodes[Int(i)] }

    /// The value of attribute `name` of element `i`, nil when absent.
    public func attribute(_ name: HTMLAttributeName, of i: Int32) -> Range<Int>? {
        let n = nodes[Int(i)]
        guard n.tag != .text else { return nil }
        var a = Int(n.start)
        while a < Int(n.end) {
            if attributes[a].name == name { return Int(attributes[a].start)..<Int(attributes[a].end) }
            a += 1
        }
        return nil
    }

    /// An attribute's value as a string.
    public func string(_ name: HTMLAttributeName, of i: Int32) -> String? {
        attribute(name, of: i).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The bytes of text node `i`.
    public func text(of i: Int32) -> ArraySlice<UInt8> {
        let n = nodes[Int(i)]
        return bytes[Int(n.start)..<Int(n.end)]
    }

    /// All text below node `i` concatenated as it is (whitespace not collapsed).
    public func textContent(of i: Int32) -> String {
        var out: [UInt8] = []
        var j = Int(i)
        let stop = end(of: i)
        while j < stop {
            if nodes[j].tag == .text { out.append(contentsOf: bytes[Int(nodes[j].start)..<Int(nodes[j].end)]) }
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One past the last descendant of node `i` (nodes are in document order).
    public func end(of i: Int32) -> Int {
        var j = i
        while j >= 0 {
            let s = nodes[Int(j)].nextSibling
            if s >= 0 { return Int(s) }
            j = nodes[Int(j)].parent
        }
        return nodes.count
    }
}

/// The attributes ``HTMLDocument`` keeps.
public enum HTMLAttributeName: UInt8, Sendable {
    /// The attribute of that name (`ariaHidden`: `aria-hidden`).
    case `class`, id, role, itemprop, itemtype, href, hidden, ariaHidden, style, lang, datetime, type, rel, property, name, content

    init?(_ name: UnsafeBufferPointer<UInt8>) {
        switch name.count {
        case 2:
            if name[0] == 0x69, name[1] == 0x64 { self = .id; return }
        case 3:
            if Self.eq(name, "rel") { self = .rel; return }
        case 4:
            if Self.eq(name, "role") { self = .role; return }
            if Self.eq(name, "href") { self = .href; return }
            if Self.eq(name, "lang") { self = .lang; return }
            if Self.eq(name, "type") { self = .type; return }
            if Self.eq(name, "name") { self = .name; return }
        case 5:
            if Self.eq(name, "class") { self = .class; return }
            if Self.eq(name, "style") { self = .style; return }
        case 6:
            if Self.eq(name, "hidden") { self = .hidden; return }
        case 7:
            if Self.eq(name, "content") { self = .content; return }
        case 8:
            if Self.eq(name, "itemprop") { self = .itemprop; return }
            if Self.eq(name, "itemtype") { self = .itemtype; return }
            if Self.eq(name, "datetime") { self = .datetime; return }
            if Self.eq(name, "property") { self = .property; return }
        case 11:
            if Self.eq(name, "aria-hidden") { self = .ariaHidden; return }
        default: break
        }
        return nil
    }

    private static func eq(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard b.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<b.count where b[i] != p[i] { return false }
        return true
    }
}
