package chan.fuzz;

import chan.grammar.ChanLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Damages a real program a few tokens at a time, for {@link MutantsFailCleanlyTest}: the file is cut
 * into tokens by the language's own lexer (comments and spaces stay where they were), then one to
 * eight edits, drawn from the seed, delete a token, duplicate one, swap two neighbours, put another
 * of the file's tokens in one's place, or put an edge value there (a number past 64 bits, a float
 * that is not finite, an empty collection) or an edge token before it (a keyword out of place, a
 * broken literal). Half the mutants keep the syntax: their edits only put a name, literal or binary
 * operator of the file, or an edge value, in place of one of its kind. The same seed and file give
 * the same mutant.
 */
final class TokenMutator {
    /** A damaged program: its text and the edits that made it, as `line:col what`. */
    record Mutant(String text, List<String> edits) {}

    /** Values at the edges of what the language accepts, put in place of a name or a literal. */
    private static final String[] EDGE_VALUES = {
        "0", "-1", "1 << 70", "(1 << 62) * 8", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1000000000000", "-1000000000000", "1e308 * 10", "1.0 / 0.0", "0.0 / 0.0", "-(1.0 / 0.0)", "-0.0",
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
    /** The edits so far: each token's replacement (null: unchanged), what goes before it, and their descriptions. */
    private final String[] replaced;
    private final String[] insertedBefore;
    private final List<String> edits = new ArrayList<>();

    private TokenMutator(String text, long seed) {
        this.text = text;
        this.tokens = tokensOf(text);
        this.random = new Random(seed);
        this.replaced = new String[tokens.size()];
        this.insertedBefore = new String[tokens.size()];
    }

    /** The mutant of text for seed; text unchanged when it has no tokens. */
    static Mutant mutate(String text, long seed) {
        return new TokenMutator(text, seed).mutant();
    }

    private Mutant mutant() {
        if (tokens.isEmpty()) {
            return new Mutant(text, List.of());
        }
        int count = 1;
        while (count < 8 && random.nextBoolean()) { // one edit in two mutants, two in four, …, at most eight
            count++;
        }
        // Half the mutants keep the syntax (a name for a name, a value for a literal, an operator for
        // an operator), so that they get past the parser to the static checks and the run.
        boolean keepSyntax = random.nextBoolean();
        for (int n = 0; n < count; n++) {
            int i = random.nextInt(tokens.size());
            if (keepSyntax) {
                editKeepingSyntax(tokenOfKindAtOrAfter(i, NAME, LITERAL, OPERATOR));
            } else {
                edit(i);
            }
        }
        return new Mutant(apply(), edits);
    }

    private void editKeepingSyntax(int i) {
        Token t = tokens.get(i);
        if (kind(t) != OPERATOR && random.nextInt(3) == 0) {
            replace(i, EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]);
        } else {
            replace(i, sameKind(t).getText());
        }
    }

    private void edit(int i) {
        Token t = tokens.get(i);
        switch (random.nextInt(6)) {
            case 0 -> replace(i, "");
            case 1 -> replace(i, t.getText() + " " + t.getText());
            case 2 -> {
                if (i + 1 < tokens.size()) {
                    replace(i, tokens.get(i + 1).getText());
                    replace(i + 1, t.getText());
                }
            }
            case 3 -> replace(i, tokens.get(random.nextInt(tokens.size())).getText());
            case 4 -> replace(i, EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]);
            default -> {
                String edge = EDGE_TOKENS[random.nextInt(EDGE_TOKENS.length)];
                insertedBefore[i] = edge + " ";
                edits.add(at(t) + "inserted " + edge + " before " + t.getText());
            }
        }
    }

    private void replace(int i, String replacement) {
        Token t = tokens.get(i);
        replaced[i] = replacement;
        edits.add(at(t) + (replacement.isEmpty() ? "deleted " + t.getText() : "replaced " + t.getText() + " by " + replacement));
    }

    private static String at(Token t) {
        return t.getLine() + ":" + (t.getCharPositionInLine() + 1) + " ";
    }

    /** The index of the first token of one of kinds from token i on (round to the start), else i. */
    private int tokenOfKindAtOrAfter(int i, int... kinds) {
        for (int k = 0; k < tokens.size(); k++) {
            int at = (i + k) % tokens.size();
            for (int kind : kinds) {
                if (kind(tokens.get(at)) == kind) {
                    return at;
                }
            }
        }
        return i;
    }

    /** A token of the file of t's kind (a name for a name, a literal for a literal, …), maybe t itself. */
    private Token sameKind(Token t) {
        List<Token> like = tokens.stream().filter(o -> kind(o) == kind(t)).toList();
        return like.get(random.nextInt(like.size()));
    }

    private static final int NAME = 0, LITERAL = 1, OPERATOR = 2, OTHER = 3;
    private static final Set<String> OPERATORS = Set.of(
                    "+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "&", "|", "^", "<<", ">>");

    private static int kind(Token t) {
        return switch (t.getType()) {
            case ChanLexer.IDENT, ChanLexer.IN, ChanLexer.AFTER -> NAME;
            case ChanLexer.INT, ChanLexer.FLOAT, ChanLexer.STRING, ChanLexer.ATOM, ChanLexer.TRUE, ChanLexer.FALSE, ChanLexer.NIL -> LITERAL;
            default -> OPERATORS.contains(t.getText()) ? OPERATOR : OTHER;
        };
    }

    /** The text with each token's replacement in its place. Token positions count code points. */
    private String apply() {
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
