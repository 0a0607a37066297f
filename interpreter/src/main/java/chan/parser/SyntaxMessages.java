package chan.parser;

import chan.grammar.ChanLexer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR's messages into short ones that name what was found: `unexpected ')'`. */
final class SyntaxMessages {
    private SyntaxMessages() {}

    static String describe(Token offending, String antlrMessage) {
        if (offending == null) {
            // A lexer error: `token recognition error at: '@'`.
            int at = antlrMessage.indexOf("at: ");
            return at >= 0 ? "unexpected character " + antlrMessage.substring(at + 4) : antlrMessage;
        }
        if (offending.getType() == Token.EOF) {
            // `missing '}' at '<EOF>'`: say what the file still owes.
            return antlrMessage.startsWith("missing ") && antlrMessage.contains(" at ")
                    ? "unexpected end of file: expected " + antlrMessage.substring(8, antlrMessage.indexOf(" at "))
                    : "unexpected end of file";
        }
        if (offending.getType() == ChanLexer.UNTERMINATED_STRING) {
            return "unterminated string: it needs a closing '\"' on the same line";
        }
        String text = offending.getText().replace("\n", "\\n");
        if (antlrMessage.startsWith("missing ")) {
            int at = antlrMessage.indexOf(" at ");
            String missing = at > 0 ? antlrMessage.substring(8, at) : antlrMessage.substring(8);
            return "expected " + missing + " before '" + text + "'";
        }
        return "unexpected '" + text + "'";
    }
}
