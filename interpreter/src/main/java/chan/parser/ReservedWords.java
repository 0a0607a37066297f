package chan.parser;

import chan.grammar.ChanLexer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The language's reserved words, read from the lexer: its tokens whose literal is a word
 * (`'fn'`, `'with'`), so that nothing that lists them (the REPL's completion, the docs' check) can
 * differ from what the parser refuses as a name.
 */
public final class ReservedWords {
    /** In the lexer's token order. */
    public static final List<String> ALL = IntStream.rangeClosed(1, ChanLexer.VOCABULARY.getMaxTokenType())
                    .mapToObj(ChanLexer.VOCABULARY::getLiteralName)
                    .filter(literal -> literal != null && literal.matches("'[a-z]+'"))
                    .map(literal -> literal.substring(1, literal.length() - 1))
                    .toList();

    private ReservedWords() {}
}
