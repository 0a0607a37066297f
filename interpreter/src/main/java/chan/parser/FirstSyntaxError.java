package chan.parser;

import com.oracle.truffle.api.source.Source;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reports the first syntax error ANTLR finds in a file, and only that: the ones after it are
 * usually its echoes, so the parse stops there (a ParseCancellationException), without ANTLR's
 * recovery through the rest of the file. In a file with an {@link UnpairedBracket}, ANTLR parses the
 * tokens up to it: an error there, at the latest, is the unpaired bracket.
 */
final class FirstSyntaxError extends BaseErrorListener {
    private final Diagnostics diagnostics;
    private final Source source;
    /** The file's unpaired bracket, or null when its brackets pair up. */
    private final UnpairedBracket unpaired;

    FirstSyntaxError(Diagnostics diagnostics, Source source, UnpairedBracket unpaired) {
        this.diagnostics = diagnostics;
        this.source = source;
        this.unpaired = unpaired;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int column, String msg, RecognitionException e) {
        Token token = (Token) offending;
        if (unpaired != null && unpaired.isPast(token)) {
            diagnostics.add(source, unpaired.line(), unpaired.column(), "syntax error: " + unpaired.message(source));
            throw new ParseCancellationException();
        }
        if (token != null && token.getType() == Token.EOF && token.getTokenIndex() > 0 && r instanceof Parser p) {
            // Point just past the last token, on a line the reader can see, not past the end of the file.
            Token last = p.getInputStream().get(token.getTokenIndex() - 1);
            line = last.getLine();
            column = last.getCharPositionInLine() + last.getText().length();
        }
        Token before = token != null && token.getTokenIndex() > 0 && r instanceof Parser p ? p.getInputStream().get(token.getTokenIndex() - 1) : null;
        ParserRuleContext rule = r instanceof Parser p ? p.getContext() : null;
        diagnostics.add(source, line, column + 1, "syntax error: " + SyntaxMessages.describe(token, before, rule, msg));
        throw new ParseCancellationException();
    }
}
