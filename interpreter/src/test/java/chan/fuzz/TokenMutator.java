package chan.fuzz;

import chan.grammar.ChanLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Damages a real program a few tokens at a time, for {@link MutantsFailCleanlyTest}: the file is cut
 * into tokens by the language's own lexer (comments and spaces stay where they were), then one to
 * three edits, drawn from the seed, delete a token, duplicate one, swap two neighbours, put another
 * of the file's tokens in one's place (of the same kind or of any), or put an edge value there or
 * between two tokens: a number past 64 bits, a float that is not finite, an empty collection, a
 * keyword out of place. The same seed and file give the same mutant.
 */
final class TokenMutator {
    /** A damaged program: its text and the edits that made it, as `line:col what`. */
    record Mutant(String text, List<String> edits) {}

    /** Values at the edges of what the language accepts, put in place of a name or a literal. */
    private static final String[] EDGE_VALUES = {
        "0", "-1", "1 << 70", "(1 << 62) * 8", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1000000000000", "-1000000000000", "1e999", "1.0 / 0.0", "0.0 / 0.0", "-(1.0 / 0.0)", "-0.0",
        "nil", "\"\"", "[]", "{}", "()", "(nil,)", "true", "false", ":ok", "\"\\u{10FFFF}\"",
        "array(0)", "array(-1)", "array(1 << 40)", "dict()", "chan()", "chan(0)", "chan(-1)", "range(0, 1 << 62)",
        "fn () { }", "fn (x) => x", "self()", "len(nil)", "\"a\" * 3", "[1] + nil",
    };
    /** Tokens that break the syntax, or bend it: keywords and punctuation out of place, broken literals. */
    private static final String[] EDGE_TOKENS = {
        "fn", "let", "const", "struct", "if", "else", "while", "for", "in", "break", "continue", "return", "start", "on",
        "choose", "prichoose", "option", "when", "default", "after", "match", "try", "catch", "throw", "with", "import", "as",
        "=>", "->", "<-", "<-?", ";", ",", ".", ":", "(", ")", "[", "]", "{", "}", "_", "\"", "/*", "'", "#", "\\",
        "0x", "0b", "0x_", "1e", "\"\\u{110000}\"", "\"\\u{D800}\"", "\"\\q\"",
    };

    private final String text;
    private final List<Token> tokens;
    private final Random random;

    private TokenMutator(String text, long seed) {
        this.text = text;
        this.tokens = tokensOf(text);
        this.random = new Random(seed);
    }

    /** The mutant of text for seed; text unchanged when it has no tokens. */
    static Mutant mutate(String text, long seed) {
        return new TokenMutator(text, seed).mutant();
    }

    private Mutant mutant() {
        if (tokens.isEmpty()) {
            return new Mutant(text, List.of());
        }
        // Edits are spans of the original text, each token's replacement; applied from the end, so
        // that a later edit's positions stay those of the original.
        String[] replaced = new String[tokens.size()];
        String[] insertedBefore = new String[tokens.size() + 1];
        List<String> edits = new ArrayList<>();
        int count = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(3));
        for (int n = 0; n < count; n++) {
            int i = random.nextInt(tokens.size());
            Token t = tokens.get(i);
            String at = t.getLine() + ":" + (t.getCharPositionInLine() + 1) + " ";
            // Weighted towards edits that keep the syntax (a name for a name, a value for a literal),
            // so that most mutants get past the parser to the static checks and the run.
            switch (random.nextInt(10)) {
                case 0 -> {
                    replaced[i] = "";
                    edits.add(at + "deleted " + t.getText());
                }
                case 1 -> {
                    replaced[i] = t.getText() + " " + t.getText();
                    edits.add(at + "duplicated " + t.getText());
                }
                case 2 -> {
                    if (i + 1 < tokens.size()) {
                        replaced[i] = tokens.get(i + 1).getText();
                        replaced[i + 1] = t.getText();
                        edits.add(at + "swapped " + t.getText() + " and " + tokens.get(i + 1).getText());
                    }
                }
                case 3, 4, 5 -> {
                    Token other = sameKind(t);
                    replaced[i] = other.getText();
                    edits.add(at + "replaced " + t.getText() + " by " + other.getText());
                }
                case 6 -> {
                    Token other = tokens.get(random.nextInt(tokens.size()));
                    replaced[i] = other.getText();
                    edits.add(at + "replaced " + t.getText() + " by " + other.getText());
                }
                case 7, 8 -> {
                    Token value = valueToken(i);
                    String edge = EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
                    replaced[tokens.indexOf(value)] = edge;
                    edits.add(value.getLine() + ":" + (value.getCharPositionInLine() + 1) + " replaced " + value.getText() + " by " + edge);
                }
                default -> {
                    String edge = EDGE_TOKENS[random.nextInt(EDGE_TOKENS.length)];
                    insertedBefore[i] = edge + " ";
                    edits.add(at + "inserted " + edge + " before " + t.getText());
                }
            }
        }
        return new Mutant(apply(replaced, insertedBefore), edits);
    }

    /** The first name or literal from token i on (from the start when there is none after it), else token i. */
    private Token valueToken(int i) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get((i + k) % tokens.size());
            if (kind(t) <= 1) {
                return t;
            }
        }
        return tokens.get(i);
    }

    /** A token of the file of t's kind (a name for a name, a literal for a literal, …), maybe t itself. */
    private Token sameKind(Token t) {
        List<Token> like = tokens.stream().filter(o -> kind(o) == kind(t)).toList();
        return like.get(random.nextInt(like.size()));
    }

    private static int kind(Token t) {
        return switch (t.getType()) {
            case ChanLexer.IDENT, ChanLexer.IN, ChanLexer.AFTER -> 0;
            case ChanLexer.INT, ChanLexer.FLOAT, ChanLexer.STRING, ChanLexer.ATOM, ChanLexer.TRUE, ChanLexer.FALSE, ChanLexer.NIL -> 1;
            default -> t.getType() < ChanLexer.IMPORT ? 2 : 3; // the grammar's literal tokens (operators, brackets) come first, then keywords
        };
    }

    /** The text with each token's replacement in its place. Token positions count code points. */
    private String apply(String[] replaced, String[] insertedBefore) {
        int[] points = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length() + 64);
        int next = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            appendPoints(out, points, next, t.getStartIndex());
            if (insertedBefore[i] != null) {
                out.append(insertedBefore[i]);
            }
            if (replaced[i] != null) {
                out.append(replaced[i]);
            } else {
                appendPoints(out, points, t.getStartIndex(), t.getStopIndex() + 1);
            }
            next = t.getStopIndex() + 1;
        }
        appendPoints(out, points, next, points.length);
        return out.toString();
    }

    private static void appendPoints(StringBuilder out, int[] points, int from, int to) {
        for (int k = from; k < to; k++) {
            out.appendCodePoint(points[k]);
        }
    }

    private static List<Token> tokensOf(String text) {
        ChanLexer lexer = new ChanLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> all = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            all.add(t);
        }
        return all;
    }
}
