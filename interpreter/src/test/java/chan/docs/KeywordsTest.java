package chan.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.parser.ReservedWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reserved words docs/language.md lists under Keywords are exactly the lexer's: a keyword added
 * to the grammar (as `prichoose` and `with` were) must be written down, and the list names no other.
 */
class KeywordsTest {
    @Test
    void theKeywordsSectionListsEveryReservedWordAndNoOther() throws IOException {
        assertEquals(lexerKeywords(), documentedKeywords());
    }

    /** The lexer's reserved words (those the REPL completes too). */
    private static Set<String> lexerKeywords() {
        return new TreeSet<>(ReservedWords.ALL);
    }

    /** The words of the code spans made only of words, in the section up to its first example. */
    private static Set<String> documentedKeywords() throws IOException {
        String page = Files.readString(Path.of("docs", "language.md"));
        int start = page.indexOf("### Keywords");
        String section = page.substring(start, page.indexOf("```", start));
        Set<String> words = new TreeSet<>();
        Matcher span = Pattern.compile("`([a-z]+( [a-z]+)*)`").matcher(section);
        while (span.find()) {
            words.addAll(Set.of(span.group(1).split(" ")));
        }
        return words;
    }
}
