package chan.parser;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import chan.grammar.ChanParser.ReplicatedRecvCommContext;
import chan.runtime.VisibleText;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Turns ANTLR's messages into short ones that name what was found: `unexpected ')'`. */
final class SyntaxMessages {
    private SyntaxMessages() {}

    /**
     * As {@link #describe(Token, String)}, with a hint for a mistake that the token before the
     * offending one, or the rule the parser was in, tells apart: a name right after `fn` is an error
     * only where a function cannot be declared (inside a block, or as a named function value, a Go
     * or Python habit); a point after an int and before no name is a float without its fraction (`1.`,
     * which Go and C read as 1.0); a `<-` in a replicated option is a send written where only a
     * receive goes.
     */
    static String describe(Token offending, Token before, ParserRuleContext rule, String antlrMessage) {
        String message = describe(offending, antlrMessage);
        if (before != null && before.getType() == ChanLexer.FN && isName(offending) && followedBy(offending, "=>")) {
            // `fn x => x`, JavaScript's `x => x` or Rust's `|x| x`: not a name, an unparenthesized parameter
            return message + ": a function expression's parameters go in parentheses: `fn (" + offending.getText() + ") => …`";
        }
        if (before != null && before.getText().equals("{") && startsStatementOnly(offending) && precededBy(before, "=>")
                || offending != null && offending.getText().equals(";") && mapAfterArrow(rule)) {
            // `fn () => { return 1; }` or `fn () => { print(1); }`, as JavaScript writes a body: here the `{` opens a map
            return message + ": after `=>` comes one expression (a `{` there opens a map); a body of statements is `fn (…) { … }`";
        }
        if (offending != null && offending.getText().equals("=>") && rule instanceof ChanParser.FuncDeclContext) {
            return message + ": a named function's body is a block: `{ return …; }`";
        }
        if (before != null && before.getType() == ChanLexer.FN && isName(offending)) {
            String name = offending.getText();
            return message + ": a function is named only at the top level (`fn " + name + "(…) { … }`); elsewhere it is a value: `let "
                    + name + " = fn (…) { … };`";
        }
        if (before != null && offending != null && before.getText().equals(".") && !isName(offending) && followsDecimalInt(before)) {
            return message + ": a float needs a digit after its point (1.0, not 1.)";
        }
        if (offending != null && offending.getType() == ChanLexer.RECV && rule instanceof ReplicatedRecvCommContext) {
            return message + ": a replicated option only receives; a send to one of several channels is one option per channel";
        }
        String habit = otherLanguageHabit(offending, before, rule);
        if (habit == null) {
            return message;
        }
        // `func f`: the parser took `func` for an expression and wanted its `;`; the name is what is wrong.
        return (foreignDeclarationWord(before) != null ? "unexpected '" + VisibleText.of(offending.getText()) + "'" : message) + ": " + habit;
    }

    /** "variable" or "function" when t is another language's word that declares one (`var`, `func`), else null. */
    private static String foreignDeclarationWord(Token t) {
        if (t == null || t.getType() != ChanLexer.IDENT) {
            return null;
        }
        return switch (t.getText()) {
            case "var", "val", "auto" -> "variable";
            case "func", "function", "def", "fun" -> "function";
            default -> null;
        };
    }

    /**
     * A hint for what a Go, C, Python or JavaScript programmer writes by habit where Chan has its
     * own way, told apart by the offending token, the one before it, or the rule the parser was in.
     */
    private static String otherLanguageHabit(Token offending, Token before, ParserRuleContext rule) {
        if (offending == null) {
            return null;
        }
        String text = offending.getText();
        if (text.equals(":") && nextCharIs(offending, "=")) {
            return "Chan declares a variable with let (`let x = 1;`), not Go's `:=`";
        }
        if (isName(offending) && "variable".equals(foreignDeclarationWord(before))) {
            return "Chan declares a variable with let (`let " + text + " = …;`)";
        }
        if (isName(offending) && "function".equals(foreignDeclarationWord(before))) {
            return "Chan declares a function with fn (`fn " + text + "(…) { … }`)";
        }
        if (before != null && (before.getType() == ChanLexer.IF || before.getType() == ChanLexer.WHILE || before.getType() == ChanLexer.FOR)
                && !text.equals("(")) {
            return before.getType() == ChanLexer.FOR ? "Chan writes a for loop's head in parentheses: `for (x in xs) { … }`"
                    : "Chan writes the " + before.getText() + "'s condition in parentheses, as C does: `" + before.getText() + " (…) { … }`";
        }
        boolean increment = text.equals("+") && precededBy(offending, '+');                      // `x++`, not `1 + + 2`
        boolean decrement = text.equals(";") && before != null && before.getText().equals("-") && precededBy(before, '-'); // `x--;`
        if (increment || decrement) {
            return "Chan has no ++ or --; write `x += 1;` or `x -= 1;`";
        }
        if (text.equals(":") && rule instanceof ChanParser.IndexPostfixContext) {
            return "Chan has no slice syntax: slice(xs, a, b) is the list (or string) from a up to b";
        }
        if (text.equals("=") && (rule instanceof ChanParser.IfStatementContext || rule instanceof ChanParser.WhileStmtContext)) {
            return "to compare, write ==; = assigns, and only as a statement of its own";
        }
        return null;
    }

    /** Whether the character right before t is c (`--` is two `-` tokens). */
    private static boolean precededBy(Token t, char c) {
        return t.getInputStream() != null && t.getStartIndex() > 0 && charAt(t, t.getStartIndex() - 1) == c;
    }

    private static boolean isName(Token t) {
        return t.getType() == ChanLexer.IDENT || t.getType() == ChanLexer.IN || t.getType() == ChanLexer.AFTER;
    }

    static String describe(Token offending, String antlrMessage) {
        if (offending == null) {
            // A lexer error: `token recognition error at: '@'`.
            int at = antlrMessage.indexOf("at: ");
            return at >= 0 ? "unexpected character " + VisibleText.of(antlrMessage.substring(at + 4)) : antlrMessage;
        }
        if (offending.getType() == Token.EOF) {
            // `missing '}' at '<EOF>'`: say what the file still owes.
            return antlrMessage.startsWith("missing ") && antlrMessage.contains(" at ")
                    ? "unexpected end of file: expected " + expected(antlrMessage.substring(8, antlrMessage.indexOf(" at ")))
                    : "unexpected end of file";
        }
        if (opensUnclosedComment(offending)) {
            return "unterminated comment: '/*' needs a closing '*/'";
        }
        if (offending.getType() == ChanLexer.UNTERMINATED_STRING) {
            return "unterminated string: it needs a closing '\"' on the same line";
        }
        if (offending.getType() == ChanLexer.OTHER && offending.getText().equals("'")) {
            return "unexpected ''': Chan writes a string in double quotes (\"a\")";
        }
        if (offending.getType() == ChanLexer.OTHER && offending.getText().equals("#")) {
            return nextCharIs(offending, "!")
                    ? "unexpected '#': a '#!' line (#!/usr/bin/env chan) is read only as the first line of a file"
                    : "unexpected '#': comments are written // … or /* … */";
        }
        String text = VisibleText.of(offending.getText()); // a NUL or a form feed shown as `\0`, `U+000C`
        if (antlrMessage.startsWith("missing ")) {
            int at = antlrMessage.indexOf(" at ");
            String missing = at > 0 ? antlrMessage.substring(8, at) : antlrMessage.substring(8);
            return "expected " + expected(missing) + " before '" + text + "'";
        }
        return "unexpected '" + text + "'";
    }

    /**
     * What ANTLR says was expected, in words: its set of token names (`{'in', 'after', IDENT}`, where
     * a name is missing) would show the grammar's own names. `in` and `after` are names wherever a
     * name is (Chan.g4), so a set with a name in it needs no other word for them.
     */
    static String expected(String antlrExpected) {
        if (!antlrExpected.startsWith("{") || !antlrExpected.endsWith("}")) {
            return inWords(antlrExpected);
        }
        List<String> tokens = List.of(antlrExpected.substring(1, antlrExpected.length() - 1).split(", "));
        List<String> words = tokens.stream()
                        .filter(t -> !(tokens.contains("IDENT") && (t.equals("'in'") || t.equals("'after'"))))
                        .map(SyntaxMessages::inWords).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String inWords(String tokenName) {
        return switch (tokenName) {
            case "IDENT" -> "a name";
            case "INT" -> "an int";
            case "FLOAT" -> "a float";
            case "STRING" -> "a string";
            case "ATOM" -> "an atom";
            case "<EOF>" -> "the end of the file";
            default -> tokenName;
        };
    }

    /** Whether {@code t} is no token at all: an unterminated string or comment, or a character that starts none. */
    static boolean isMalformed(Token t) {
        return t.getType() == ChanLexer.UNTERMINATED_STRING || t.getType() == ChanLexer.OTHER || opensUnclosedComment(t);
    }

    // An opening of a block comment that never closes lexes as the operators / and *: the parser then trips on the /.
    private static boolean opensUnclosedComment(Token t) {
        return "/".equals(t.getText()) && nextCharIs(t, "*");
    }

    /** Whether t comes right after a decimal int (`1.` but not `a1.`, `0x1f.`, `xs[1].` or `1.5.`). */
    private static boolean followsDecimalInt(Token t) {
        if (t.getInputStream() == null) {
            return false;
        }
        int at = t.getStartIndex() - 1;
        int digits = 0;
        for (; at >= 0 && isDigitOrSeparator(charAt(t, at)); at--) {
            digits++;
        }
        // `_1` is a name, and the 5 of `1.5.` the fraction of a float, which already has its point
        return digits > 0 && charAt(t, at + 1) != '_' && (at < 0 || !isNameChar(charAt(t, at)) && charAt(t, at) != '.');
    }

    private static char charAt(Token t, int index) {
        return t.getInputStream().getText(Interval.of(index, index)).charAt(0);
    }

    private static boolean isDigitOrSeparator(char c) {
        return c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isDigitOrSeparator(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether the parser was inside a map literal whose `{` follows a `=>` (`fn () => { print(1); }`). */
    private static boolean mapAfterArrow(ParserRuleContext rule) {
        for (ParserRuleContext r = rule; r != null; r = r.getParent()) {
            if (r instanceof ChanParser.MapPrimaryContext map) {
                return precededBy(map.getStart(), "=>");
            }
        }
        return false;
    }

    /** Whether t is a word that begins a statement and never an expression (`return`, `let`, …). */
    private static boolean startsStatementOnly(Token t) {
        return switch (t.getType()) {
            case ChanLexer.RETURN, ChanLexer.LET, ChanLexer.IF, ChanLexer.WHILE, ChanLexer.FOR, ChanLexer.THROW, ChanLexer.CONST,
                    ChanLexer.TRY, ChanLexer.MATCH, ChanLexer.BREAK, ChanLexer.CONTINUE -> true;
            default -> false;
        };
    }

    /** Whether the text right after t, past any spaces, starts with s. */
    private static boolean followedBy(Token t, String s) {
        if (t.getInputStream() == null) {
            return false;
        }
        int at = t.getStopIndex() + 1;
        int size = t.getInputStream().size();
        while (at < size && Character.isWhitespace(charAt(t, at))) {
            at++;
        }
        return at + s.length() <= size && t.getInputStream().getText(Interval.of(at, at + s.length() - 1)).equals(s);
    }

    /** Whether the text right before t, past any spaces, ends with s. */
    private static boolean precededBy(Token t, String s) {
        if (t.getInputStream() == null) {
            return false;
        }
        int at = t.getStartIndex() - 1;
        while (at >= 0 && Character.isWhitespace(charAt(t, at))) {
            at--;
        }
        return at - s.length() + 1 >= 0 && t.getInputStream().getText(Interval.of(at - s.length() + 1, at)).equals(s);
    }

    /** Whether the character right after t is c. */
    private static boolean nextCharIs(Token t, String c) {
        if (t.getInputStream() == null) {
            return false;
        }
        int next = t.getStopIndex() + 1;
        return next < t.getInputStream().size() && t.getInputStream().getText(Interval.of(next, next)).equals(c);
    }
}
