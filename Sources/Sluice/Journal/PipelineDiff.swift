/// Explains how two pipeline fingerprints differ, for the message that refuses a resume.
enum PipelineDiff {
    static func describe(old: String, new: String, oldName: String, newName: String) -> String {
        let a = old.split(separator: "\n").map(String.init)
        let b = new.split(separator: "\n").map(String.init)
        var lines = ["this output directory was started with a different pipeline ('\(oldName)', now '\(newName)'):"]
        let removed = a.filter { !b.contains($0) }
        let added = b.filter { !a.contains($0) }
        for r in removed { lines.append("  was: \(r)") }
        for x in added { lines.append("  now: \(x)") }
        if removed.isEmpty && added.isEmpty { lines.append("  the stages are the same but in a different order") }
        lines.append("use the same pipeline to resume, --restart to start over, or another --output directory")
        return lines.joined(separator: "\n")
    }
}
