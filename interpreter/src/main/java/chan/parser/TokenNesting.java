package chan.parser;

import chan.grammar.ChanLexer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * How a file's tokens nest in brackets, found in one pass each so that {@link BlockPrediction} can
 * answer in constant time what ANTLR answers by looking ahead through whole nested bodies.
 *
 * <p>Only tokens on the default channel count (comments and spaces are on others). Brackets of the
 * three kinds are matched on one stack. The parser is given only tokens whose brackets pair up
 * ({@link UnpairedBracket}); for others (BlockPredictionTest's) the answers are some answer, and the
 * parser reports the mismatch wherever it meets it.
 */
final class TokenNesting {
    private static final int SEMICOLON = BlockPrediction.tokenType("';'");
    private static final Set<Integer> OPENERS = BlockPrediction.tokenTypes("'('", "'['", "'{'");
    private static final Set<Integer> CLOSERS = BlockPrediction.tokenTypes("')'", "']'", "'}'");
    private static final int OPEN_BRACE = BlockPrediction.tokenType("'{'");
    /** Assignment operators: a `target op value;` statement's op. */
    static final Set<Integer> ASSIGNMENTS = BlockPrediction.tokenTypes("'='", "'+='", "'-='", "'*='", "'/='", "'%='");
    /** Tokens an operand can end with: before one of them, a `<-` is a send, not a receive. */
    private static final Set<Integer> OPERAND_ENDS = Set.of(ChanLexer.IDENT, ChanLexer.IN, ChanLexer.AFTER, ChanLexer.INT,
                    ChanLexer.FLOAT, ChanLexer.STRING, ChanLexer.ATOM, ChanLexer.TRUE, ChanLexer.FALSE, ChanLexer.NIL);

    private final List<Token> tokens;
    /** For each token index of an opening bracket, that of its closing one; -1 when none or not an opener. */
    private final int[] closing;
    /** For each `{`, whether a `;` lies directly inside it (in no deeper `{`). */
    private final boolean[] holdsSemicolon;
    /** For each token index, the first statement separator at its own depth from there on, or -1. */
    private final int[] separatorFrom;

    TokenNesting(List<Token> tokens) {
        this.tokens = tokens;
        int n = tokens.size();
        closing = new int[n];
        holdsSemicolon = new boolean[n];
        separatorFrom = new int[n + 1];
        matchBrackets();
        findSeparators();
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    int closing(int open) {
        return closing[open];
    }

    /** Whether the `{` at {@code open} holds a `;` directly: no expression (a map) can, only a block. */
    boolean holdsSemicolon(int open) {
        return holdsSemicolon[open];
    }

    /**
     * The index of the token that decides what the statement starting at {@code start} is: the first
     * `;`, assignment operator or send `<-` after it at its own depth (-1 when the enclosing bracket
     * closes first, or the file ends). The statement's first token is never that token itself: a
     * `<-` there is a receive.
     */
    int separatorAfter(int start) {
        int next = closing[start] >= 0 ? closing[start] + 1 : start + 1;
        return isCloser(type(start)) ? -1 : separatorFrom[Math.min(next, tokens.size())];
    }

    private void matchBrackets() {
        ArrayDeque<Integer> opened = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            closing[i] = -1;
            int type = type(i);
            if (isOpener(type)) {
                opened.push(i);
            } else if (isCloser(type) && !opened.isEmpty()) {
                closing[opened.pop()] = i;
            } else if (type == SEMICOLON && !opened.isEmpty() && type(opened.peek()) == OPEN_BRACE) {
                holdsSemicolon[opened.peek()] = true;
            }
        }
    }

    /** Backwards, so that each answer is the next token's, or skips a bracketed part in one step. */
    private void findSeparators() {
        int n = tokens.size();
        separatorFrom[n] = -1;
        for (int i = n - 1; i >= 0; i--) {
            int type = type(i);
            if (isCloser(type)) {
                separatorFrom[i] = -1;
            } else if (isSeparator(i)) {
                separatorFrom[i] = i;
            } else if (isOpener(type)) {
                separatorFrom[i] = closing[i] >= 0 ? separatorFrom[closing[i] + 1] : -1;
            } else {
                separatorFrom[i] = separatorFrom[i + 1];
            }
        }
    }

    private boolean isSeparator(int i) {
        int type = type(i);
        if (type == SEMICOLON || ASSIGNMENTS.contains(type)) {
            return true;
        }
        if (type != ChanLexer.RECV || i == 0) {
            return false;
        }
        int before = type(i - 1);
        return OPERAND_ENDS.contains(before) || isCloser(before);
    }

    /** A token's type, or -1 for one off the default channel (never a bracket or a separator). */
    private int type(int i) {
        Token t = tokens.get(i);
        return t.getChannel() == Token.DEFAULT_CHANNEL ? t.getType() : -1;
    }

    private static boolean isOpener(int type) {
        return OPENERS.contains(type);
    }

    private static boolean isCloser(int type) {
        return CLOSERS.contains(type);
    }
}
