package chan.parser;

import chan.nodes.Positions;
import com.oracle.truffle.api.source.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The first place where a file's brackets fail to pair, found in one pass over its tokens before
 * ANTLR parses it: a closing bracket with nothing open or of the wrong kind, a `;` directly inside
 * a `(` or `[` (no construct puts one there: the bracket should have closed before it), or the end
 * of the file with brackets still open.
 *
 * <p>Why: in such a file ANTLR's predictions and error recovery look for the missing bracket to the
 * end of the file from each open one, and {@link BlockPrediction}'s shortcuts need the matching
 * bracket: 20 000 unclosed `{` took 10 s, 100 000 more than 15 minutes. So ANTLR parses only the
 * tokens before the outermost bracket open at that place, whose brackets all pair: a syntax error it
 * finds there is the file's first, reported as always; otherwise the unpaired bracket is, unless a
 * malformed token comes between (an unterminated string or comment, a stray character), which is
 * reported instead: it explains the brackets (a string missing its quote swallows the `)` after it).
 */
final class UnpairedBracket {
    private static final int OPEN_PAREN = BlockPrediction.tokenType("'('");
    private static final int OPEN_SQUARE = BlockPrediction.tokenType("'['");
    private static final int OPEN_BRACE = BlockPrediction.tokenType("'{'");
    private static final int CLOSE_PAREN = BlockPrediction.tokenType("')'");
    private static final int CLOSE_SQUARE = BlockPrediction.tokenType("']'");
    private static final int CLOSE_BRACE = BlockPrediction.tokenType("'}'");
    private static final int SEMICOLON = BlockPrediction.tokenType("';'");

    /** The file's tokens. */
    private final List<Token> tokens;
    /** The index of the token where the brackets fail: a closing bracket, a `;` or the end of file. */
    private final int at;
    /** The bracket innermost open there, or null. */
    private final Token innermost;
    /** The index of the outermost bracket open there, or {@link #at} when none is: the tokens before it pair up. */
    private final int pairedEnd;
    /** The first malformed token from {@link #pairedEnd} to {@link #at}, or null. */
    private final Token malformed;

    private UnpairedBracket(List<Token> tokens, int at, ArrayDeque<Token> open) {
        this.tokens = tokens;
        this.at = at;
        this.innermost = open.peekFirst();
        this.pairedEnd = open.isEmpty() ? at : open.peekLast().getTokenIndex();
        this.malformed = tokens.subList(pairedEnd, at).stream().filter(SyntaxMessages::isMalformed).findFirst().orElse(null);
    }

    /** The first unpaired bracket of {@code tokens} (a lexed file, ending in EOF), or null when every bracket pairs. */
    static UnpairedBracket find(List<Token> tokens) {
        ArrayDeque<Token> open = new ArrayDeque<>(); // innermost first
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getChannel() == Token.DEFAULT_CHANNEL ? t.getType() : Token.INVALID_TYPE;
            if (type == OPEN_PAREN || type == OPEN_SQUARE || type == OPEN_BRACE) {
                open.push(t);
            } else if (type == CLOSE_PAREN || type == CLOSE_SQUARE || type == CLOSE_BRACE) {
                if (open.isEmpty() || closerOf(open.peek().getType()) != type) {
                    return new UnpairedBracket(tokens, i, open);
                }
                open.pop();
            } else if (type == SEMICOLON && !open.isEmpty() && open.peek().getType() != OPEN_BRACE) {
                return new UnpairedBracket(tokens, i, open);
            } else if (type == Token.EOF) {
                return open.isEmpty() ? null : new UnpairedBracket(tokens, i, open);
            }
        }
        throw new IllegalArgumentException("the tokens of a file end in EOF");
    }

    /**
     * What ANTLR parses: the tokens whose brackets pair, the bracket after them, then the end of file.
     * That bracket, open or closing, cannot pair there: ANTLR reports an error there at the latest.
     */
    CommonTokenStream pairedPrefix() {
        List<Token> paired = new ArrayList<>(tokens.subList(0, pairedEnd + 1));
        Token next = tokens.get(pairedEnd);
        // From the same lexer as the others: error recovery reads a token's source.
        CommonToken eof = new CommonToken(new Pair<>(next.getTokenSource(), next.getInputStream()), Token.EOF, Token.DEFAULT_CHANNEL,
                        next.getStartIndex(), next.getStartIndex() - 1);
        eof.setText("<EOF>");
        eof.setLine(next.getLine());
        eof.setCharPositionInLine(next.getCharPositionInLine());
        paired.add(eof);
        return new CommonTokenStream(new ListTokenSource(paired));
    }

    /** Whether a syntax error at {@code offending} (a token of {@link #pairedPrefix()}) is past the tokens that pair. */
    boolean isPast(Token offending) {
        return offending == null || offending.getTokenIndex() >= pairedEnd;
    }

    /** The line of the error: that of the malformed token, of the token where the brackets fail, or of the last token before the end of file. */
    int line() {
        return malformed != null ? malformed.getLine() : atEnd() ? last().getLine() : token().getLine();
    }

    /** Its 1-based column in UTF-16 units: the token's, or just past the last token. */
    int column() {
        return malformed != null ? malformed.getCharPositionInLine() + 1
                        : atEnd() ? last().getCharPositionInLine() + last().getText().length() + 1 : token().getCharPositionInLine() + 1;
    }

    /** The message: the malformed token's, or what was found and which bracket should have closed before it, or that none is open. */
    String message(Source source) {
        if (malformed != null) {
            return SyntaxMessages.describe(malformed, "");
        }
        String found = atEnd() ? "unexpected end of file" : "unexpected '" + token().getText() + "'";
        if (innermost == null) {
            return found + ": there is no '" + openerText(token().getType()) + "' for it to close";
        }
        int line = innermost.getLine();
        return found + ": expected '" + closerText(innermost.getType()) + "' to close the '" + innermost.getText() + "' at " + line + ":"
                        + Positions.column(source, line, innermost.getCharPositionInLine() + 1);
    }

    private Token token() {
        return tokens.get(at);
    }

    private boolean atEnd() {
        return token().getType() == Token.EOF;
    }

    /** The last token before the end of file (there is one: it left a bracket open). */
    private Token last() {
        return tokens.get(at - 1);
    }

    private static int closerOf(int opener) {
        return opener == OPEN_PAREN ? CLOSE_PAREN : opener == OPEN_SQUARE ? CLOSE_SQUARE : CLOSE_BRACE;
    }

    private static String closerText(int opener) {
        return opener == OPEN_PAREN ? ")" : opener == OPEN_SQUARE ? "]" : "}";
    }

    private static String openerText(int closer) {
        return closer == CLOSE_PAREN ? "(" : closer == CLOSE_SQUARE ? "[" : "{";
    }
}
