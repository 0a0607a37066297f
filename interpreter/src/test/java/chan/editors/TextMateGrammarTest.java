package chan.editors;

import chan.testing.Json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.grammar.ChanLexer;
import chan.parser.Shebang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The TextMate grammar editors/textmate/chan.tmLanguage.json colours Chan as the interpreter reads it.
 * Every .chan file of examples/, tests/, stdlib/, kernel-src/ and bench/, and every ```chan block of
 * docs/*.md, is tokenized with the grammar ({@link TextMateTokenizer}, on java.util.regex), and each
 * character's scopes are compared with the token the interpreter's ANTLR lexer puts there (keywords,
 * strings, atoms, numbers, channel operators, names, comments); no begin/end rule may be left open at
 * the end of a file.
 *
 * <p>The grammar may use only regex features that Oniguruma (VS Code, TextMate) and java.util.regex
 * read alike, so that what is tested here is what editors do; {@link #grammarUsesOnlyPortableRegexes}
 * rejects the constructs that differ.
 */
class TextMateGrammarTest {
    private static final Path GRAMMAR = Path.of("editors/textmate/chan.tmLanguage.json");
    private static final List<String> SOURCES = List.of("examples", "tests", "stdlib", "kernel-src", "bench");
    /** Constructs whose meaning differs between Oniguruma and Java (\h is hex in one, space in the other). */
    private static final List<String> NOT_PORTABLE = List.of("\\h", "\\H", "\\G", "\\x{", "[[:", "&&[", "\\K", "\\R", "(?~");

    private static Map<String, Object> grammar() throws IOException {
        return TextMateTokenizer.map(Json.parse(Files.readString(GRAMMAR, UTF_8)));
    }

    @Test
    void grammarUsesOnlyPortableRegexes() throws IOException {
        List<String> regexes = new ArrayList<>();
        collectRegexes(grammar(), regexes);
        assertTrue(regexes.size() > 20, "the grammar has only " + regexes.size() + " regexes");
        for (String regex : regexes) {
            Pattern.compile(regex);
            for (String bad : NOT_PORTABLE) {
                assertFalse(regex.contains(bad), "regex " + regex + " uses " + bad + ", which Oniguruma and Java read differently");
            }
        }
    }

    private static void collectRegexes(Object json, List<String> out) {
        if (json instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (List.of("match", "begin", "end").contains(k) && v instanceof String s) {
                    out.add(s);
                } else {
                    collectRegexes(v, out);
                }
            });
        } else if (json instanceof List<?> l) {
            l.forEach(v -> collectRegexes(v, out));
        }
    }

    @Test
    void vscodeExtensionUsesTheGrammar() throws IOException {
        Path extension = Path.of("editors/vscode");
        Map<String, Object> pkg = TextMateTokenizer.map(Json.parse(Files.readString(extension.resolve("package.json"), UTF_8)));
        Map<String, Object> contributes = TextMateTokenizer.map(pkg.get("contributes"));
        Map<String, Object> grammarEntry = TextMateTokenizer.map(TextMateTokenizer.list(contributes.get("grammars")).get(0));
        Map<String, Object> language = TextMateTokenizer.map(TextMateTokenizer.list(contributes.get("languages")).get(0));
        assertEquals("source.chan", grammarEntry.get("scopeName"));
        assertEquals(grammar().get("scopeName"), grammarEntry.get("scopeName"));
        assertEquals(language.get("id"), grammarEntry.get("language"));
        assertEquals(List.of(".chan"), language.get("extensions"));
        Path referenced = extension.resolve((String) grammarEntry.get("path"));
        assertEquals(Files.readString(GRAMMAR, UTF_8), Files.readString(referenced, UTF_8), referenced + " is not the grammar");
        Json.parse(Files.readString(extension.resolve((String) language.get("configuration")), UTF_8));
    }

    /** Every keyword of the lexer, alone on a line, is a keyword (or a declaration word or constant) for the grammar. */
    @Test
    void everyKeywordOfTheLexerIsAKeyword() throws IOException {
        int keywords = 0;
        for (int type = 1; type <= ChanLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = ChanLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z]+'")) {
                String word = literal.substring(1, literal.length() - 1);
                List<String> scopes = new TextMateTokenizer(grammar()).tokenizeLine(word).get(0);
                assertTrue(isKeyword(scopes), word + " has scopes " + scopes);
                keywords++;
            }
        }
        assertTrue(keywords >= 30, "the lexer has only " + keywords + " keywords");
    }

    @Test
    void scopesOfASample() throws IOException {
        var t = new TextMateTokenizer(grammar());
        String fnLine = "fn fib(n) { return print(\"a\\u{1F600}\\n\", :ok, 0xff, 2.5e3, c <-? x, c <- 1); } // done";
        List<List<String>> s = t.tokenizeLine(fnLine);
        assertScope(s, fnLine, "fn", "storage.type.function.chan");
        assertScope(s, fnLine, "fib", "entity.name.function.chan");
        assertScope(s, fnLine, "return", "keyword.control.flow.chan");
        assertScope(s, fnLine, "print", "support.function.builtin.chan");
        assertScope(s, fnLine, "\\u{1F600}", "constant.character.escape.unicode.chan");
        assertScope(s, fnLine, "\\n", "constant.character.escape.chan");
        assertScope(s, fnLine, ":ok", "constant.other.symbol.chan");
        assertScope(s, fnLine, "0xff", "constant.numeric.integer.hexadecimal.chan");
        assertScope(s, fnLine, "2.5e3", "constant.numeric.float.chan");
        assertScope(s, fnLine, "<-?", "keyword.operator.channel.receive-status.chan");
        assertScope(s, fnLine, "<- 1", "keyword.operator.channel.chan");
        assertScope(s, fnLine, "// done", "comment.line.double-slash.chan");
        String chooseLine = "choose { option when (n < max) v = <-c: { } option after(500): { } option default: { } }";
        List<List<String>> c = t.tokenizeLine(chooseLine);
        for (String word : List.of("choose", "option", "when", "after", "default")) {
            assertScope(c, chooseLine, word, "keyword.control.concurrency.chan");
        }
        assertScope(t.tokenizeLine("start on (3) { }"), "start on (3) { }", "on", "keyword.control.concurrency.chan");
        String glued = "fn f(a:int) { return Point{x:y, z: :k}; }";
        List<List<String>> g = t.tokenizeLine(glued);
        assertFalse(g.get(glued.indexOf(":int")).contains("constant.other.symbol.chan"), "a:int is a type, not an atom");
        assertFalse(g.get(glued.indexOf(":y")).contains("constant.other.symbol.chan"), "x:y binds a field");
        assertScope(g, glued, ":k", "constant.other.symbol.chan");
        assertTrue(t.tokenizeLine("/* a comment").get(5).contains("comment.block.chan"));
        assertEquals(1, t.openRules(), "a block comment stays open across lines");
        assertTrue(t.tokenizeLine("still */ x").get(0).contains("comment.block.chan"));
        assertEquals(0, t.openRules());
        t.tokenizeLine("let s = \"unterminated");
        assertEquals(0, t.openRules(), "a string ends at the end of its line");
    }

    /** A `#!` first line is a comment, as the interpreter skips it; on a later line it is no comment (a syntax error). */
    @Test
    void aShebangIsACommentOnTheFirstLineOnly() throws IOException {
        var t = new TextMateTokenizer(grammar());
        String shebang = "#!/usr/bin/env chan";
        assertScope(t.tokenizeLine(shebang), shebang, "chan", "comment.line.shebang.chan");
        assertFalse(has(t.tokenizeLine(shebang).get(0), "comment."), "#! on the second line is not skipped");
        assertFalse(has(new TextMateTokenizer(grammar()).tokenizeLine(" " + shebang).get(1), "comment."), "nor after a space");
    }

    private static void assertScope(List<List<String>> scopes, String line, String text, String scope) {
        int at = line.indexOf(text);
        assertTrue(at >= 0, text);
        assertTrue(scopes.get(at).contains(scope), "'" + text + "' has scopes " + scopes.get(at) + ", not " + scope);
    }

    @TestFactory
    Stream<DynamicTest> sourceFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : SOURCES) {
            if (Files.isDirectory(Path.of(dir))) {
                try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                    walk.filter(p -> p.toString().endsWith(".chan")).sorted().forEach(files::add);
                }
            }
        }
        assertTrue(files.size() > 50, "only " + files.size() + " .chan files found");
        Map<String, Object> grammar = grammar();
        return files.stream().map(f -> dynamicTest(f.toString(), f.toUri(), () -> checkFile(grammar, f)));
    }

    /** The ```chan blocks of docs/*.md, checked like the files (the block is the text, the page names it). */
    @TestFactory
    Stream<DynamicTest> docsBlocks() throws IOException {
        Map<String, Object> grammar = grammar();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                var block = Pattern.compile("(?m)^( *)```chan[^\n]*\n(.*?)^ *```\s*$", Pattern.DOTALL)
                        .matcher(Files.readString(page, UTF_8));
                while (block.find()) {
                    String indent = block.group(1);
                    String code = block.group(2).replaceAll("(?m)^" + indent, "");
                    String name = page + " block at offset " + block.start();
                    tests.add(dynamicTest(name, () -> checkText(grammar, name, code)));
                }
            }
        }
        assertTrue(tests.size() > 20, "only " + tests.size() + " chan blocks in docs/");
        return tests.stream();
    }

    /** Tokenizes a file with the grammar and with the lexer, and compares them character by character. */
    private static void checkFile(Map<String, Object> grammar, Path file) throws IOException {
        checkText(grammar, file.toString(), Files.readString(file, UTF_8).replace("\r\n", "\n"));
    }

    private static void checkText(Map<String, Object> grammar, String file, String text) {
        var tokenizer = new TextMateTokenizer(grammar);
        List<List<String>> scopes = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            scopes.addAll(tokenizer.tokenizeLine(line));
            scopes.add(List.of("source.chan"));   // the newline
        }
        if (text.lastIndexOf("/*") > text.lastIndexOf("*/")) {
            // A block comment left open on purpose (tests/errors): an editor shows the rest as comment.
            assertEquals(1, tokenizer.openRules(), file + ": the unclosed block comment should stay open to the end");
            return;
        }
        assertEquals(0, tokenizer.openRules(), file + ": a begin rule is still open at the end of the file");

        String lexed = new String(Shebang.blanked(text.toCharArray()));   // as the interpreter lexes it: a `#!` first line is white space
        List<? extends Token> tokens = new ChanLexer(CharStreams.fromString(lexed)).getAllTokens();
        if (tokens.stream().anyMatch(t -> t.getType() == ChanLexer.OTHER)) {
            return;   // a lexical error on purpose (tests/errors): the lexer's recovery is no reference
        }
        boolean[] inToken = new boolean[text.length()];
        List<String> problems = new ArrayList<>();
        for (Token token : tokens) {
            int from = lexed.offsetByCodePoints(0, token.getStartIndex());
            int to = lexed.offsetByCodePoints(from, token.getText().codePointCount(0, token.getText().length()));
            for (int i = from; i < to; i++) {
                inToken[i] = true;
                boolean glued = from > 0 && isNameChar(text.charAt(from - 1));
                String problem = mismatch(token, scopes.get(i), glued);
                if (problem != null) {
                    problems.add(token.getLine() + ":" + (token.getCharPositionInLine() + 1) + " '" + token.getText()
                            + "' " + problem + ", scopes " + scopes.get(i));
                    break;
                }
            }
        }
        for (int i = 0; i < text.length(); i++) {
            // U+FEFF: a byte-order mark, which the lexer skips as whitespace
            if (!inToken[i] && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\uFEFF' && !has(scopes.get(i), "comment.")) {
                problems.add("offset " + i + " '" + text.charAt(i) + "' is skipped by the lexer (a comment) but has scopes " + scopes.get(i));
                break;
            }
        }
        if (!problems.isEmpty()) {
            fail(file + ": the grammar disagrees with the lexer at\n  " + String.join("\n  ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    /**
     * Why scopes are wrong for a character of token, or null if they are right. An atom glued to the
     * name before it (`a:int`, `Point{x:y}`) is a type or a field binding for the parser, so the grammar
     * may colour it either way.
     */
    private static String mismatch(Token token, List<String> scopes, boolean glued) {
        int type = token.getType();
        String literal = ChanLexer.VOCABULARY.getLiteralName(type);
        if (has(scopes, "comment.")) {
            return "is code but coloured as a comment";
        }
        if (type == ChanLexer.IN || type == ChanLexer.AFTER) {
            // Keywords that are also names (docs/language.md, Keywords): `fn after(n)` may colour it as
            // the function it declares.
            return isKeyword(scopes) || !has(scopes, "string.") && !has(scopes, "constant.") ? null : "is a keyword or a name";
        }
        if (literal != null && literal.matches("'[a-z]+'")) {
            return isKeyword(scopes) ? null : "is a keyword";
        }
        return switch (type) {
            case ChanLexer.STRING, ChanLexer.UNTERMINATED_STRING -> has(scopes, "string.quoted.double.chan") ? null : "is a string";
            case ChanLexer.ATOM -> glued ? null : has(scopes, "constant.other.symbol.chan") ? null : "is an atom";
            case ChanLexer.INT, ChanLexer.FLOAT -> has(scopes, "constant.numeric.") ? null : "is a number";
            case ChanLexer.RECV, ChanLexer.RECV_STATUS -> has(scopes, "keyword.operator.channel.") ? null : "is a channel operator";
            case ChanLexer.IDENT -> has(scopes, "keyword.") || has(scopes, "string.") || has(scopes, "constant.")
                    ? "is a name" : null;
            default -> has(scopes, "string.") || has(scopes, "constant.") ? "is an operator or punctuation" : null;
        };
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isKeyword(List<String> scopes) {
        return has(scopes, "keyword.") || has(scopes, "storage.type.") || has(scopes, "constant.language.");
    }

    private static boolean has(List<String> scopes, String prefix) {
        return scopes.stream().anyMatch(s -> s.startsWith(prefix));
    }
}
