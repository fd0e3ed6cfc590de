#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Yams

/// Loads pipeline files (YAML) and reports every problem with its line and column.
///
///     name: news
///     decode: {text_field: text, text_layout: file}
///     stages:
///       - clean: {normalization: nfc}
///       - split: {language: auto}
///       - tag
///     sink: {format: jsonl, compression_level: 3}
public enum PipelineFile {
    /// Everything wrong with a pipeline file, each with its position.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The pipeline file.
        public var path: String
        /// Everything wrong with it, in file order.
        public var problems: [Problem]
        /// One `path:line:column: message` line per problem.
        public var description: String {
            // A problem of the whole file (it cannot be read) has no position to give.
            problems.map { $0.line > 0 ? "\(path):\($0.line):\($0.column): \($0.message)" : "\(path): \($0.message)" }
                .joined(separator: "\n")
        }
    }

    /// One problem of a pipeline file, at a line and column.
    public struct Problem: Sendable, Equatable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// What is wrong.
        public var message: String
    }

    /// Names of the pipelines built into the tool (`--pipeline news`).
    public static let builtIn = ["news"]

    /// Loads a built-in pipeline by name or a YAML file by path.
    public static func load(nameOrPath: String) throws(Failure) -> Pipeline {
        if nameOrPath == "news" { return .news }
        let text: String
        do {
            text = try readFile(nameOrPath)
        } catch {
            var message = "\(error)"
            if access(nameOrPath, F_OK) != 0 {
                // `-p news-neardup`: a name that is neither built in nor a file.
                message = "no such pipeline file, and no built-in pipeline of that name (built in: \(builtIn.joined(separator: ", "))); "
                    + "give the path of a pipeline file, such as Pipelines/news-neardup.yaml in the repository"
            }
            throw Failure(path: nameOrPath, problems: [Problem(line: 0, column: 0, message: message)])
        }
        return try parse(text, path: nameOrPath)
    }

    /// Parses pipeline YAML.
    public static func parse(_ yaml: String, path: String = "<pipeline>") throws(Failure) -> Pipeline {
        let root: Node?
        do {
            // A byte order mark (files saved by Windows editors) is no content; libyaml refused it.
            root = try Yams.compose(yaml: yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml)
        } catch let e as YamlError {
            throw Failure(path: path, problems: [yamlProblem(e, in: yaml)])
        } catch {
            throw Failure(path: path, problems: [Problem(line: 0, column: 0, message: "\(error)")])
        }
        var reader = PipelineReader()
        if path != "<pipeline>", let slash = path.lastIndex(of: "/") {
            reader.baseDirectory = String(path[..<slash])
        }
        let pipeline = reader.read(root)
        if !reader.problems.isEmpty {
            // Report in file order, as compilers do, whatever order the sections were read in.
            let sorted = reader.problems.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }.map(\.element)
            throw Failure(path: path, problems: sorted)
        }
        return pipeline
    }

    private static func yamlProblem(_ e: YamlError, in yaml: String) -> Problem {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Problem(line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let keys, let context):
            // Yams names the first occurrence (its message repeated the whole file); the repeat
            // is the next line with the key at the same column, where one is found.
            let names = keys.map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            if keys.count == 1, let again = repeatLine(of: keys[0], after: first.line, column: first.column, in: yaml) {
                return Problem(line: again, column: first.column,
                               message: "invalid YAML: key \(names) given again (first at line \(first.line)); give each key once")
            }
            return Problem(line: first.line, column: first.column,
                           message: "invalid YAML: \(keys.count == 1 ? "key" : "keys") \(names) given more than once in one mapping (first here); give each key once")
        default:
            return Problem(line: 0, column: 0, message: "invalid YAML: \(e)")
        }
    }

    /// The first line after `line` (1-based) that has `key:` at `column` (1-based) after
    /// only spaces, or nil.
    static func repeatLine(of key: String, after line: Int, column: Int, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, column >= 1, line < lines.count else { return nil }
        for n in line..<lines.count {
            let text = lines[n]
            guard text.count >= column - 1 + key.count, text.prefix(column - 1).allSatisfy({ $0 == " " }) else { continue }
            let rest = text.dropFirst(column - 1)
            for form in [key, "\"" + key + "\"", "'" + key + "'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).hasPrefix(":") { return n + 1 }
            }
        }
        return nil
    }

    static func readFile(_ path: String) throws(ReadError) -> String {
        String(decoding: try FileReader.readAll(path: path), as: UTF8.self)
    }
}
