package chan.values;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The longest string is a billion characters, whatever they are (LauncherProcessIT makes one past it for real). */
class StringLimitTest {
    @Test
    void theLimitItselfIsAllowedAndOneMoreIsTheError() {
        assertDoesNotThrow(() -> StringLimit.check(StringLimit.MAX_LENGTH));
        ChanError e = assertThrows(ChanError.class, () -> StringLimit.check(StringLimit.MAX_LENGTH + 1L));
        assertEquals("string too long: a string holds at most 1000000000 characters", e.getMessage());
        assertThrows(ChanError.class, () -> StringLimit.check(2L * Integer.MAX_VALUE)); // past what an int counts
    }

    @Test
    void theLimitIsWhatTheJvmHoldsInTwoByteCharacters() {
        // A string of characters outside Latin-1 takes two bytes each, in a byte array of at most
        // Integer.MAX_VALUE - 8 elements (the JDK's soft limit): the limit must fit that.
        assertTrue(2L * StringLimit.MAX_LENGTH <= Integer.MAX_VALUE - 8);
    }

    /** A display form is held to the limit too, counted after escapes, at every depth: here a limit of a few characters. */
    @Test
    void aDisplayFormIsHeldToTheLimitAfterItsEscapes() {
        Object list = ChanList.of("abc", "de");
        assertEquals("[\"abc\", \"de\"]", Display.repr(list, 13)); // exactly 13 characters
        assertTooLong(() -> Display.repr(list, 12), 12);
        assertEquals("\"a\\nb\"", Display.repr("a\nb", 6)); // the newline shown as two characters
        assertTooLong(() -> Display.repr("a\nb", 5), 5);
        assertTooLong(() -> Display.repr("abcdefgh", 5), 5); // refused before any of it is copied
        Object nested = ChanList.of(new ChanTuple(1L, ChanMap.of("k", ChanList.of(22L, 333L))));
        assertEquals("[(1, {\"k\" => [22, 333]})]", Display.repr(nested, 25));
        assertTooLong(() -> Display.repr(nested, 24), 24);
    }

    private static void assertTooLong(org.junit.jupiter.api.function.Executable making, int limit) {
        ChanError e = assertThrows(ChanError.class, making);
        assertEquals("string too long: a string holds at most " + limit + " characters", e.getMessage());
    }

    @Test
    void concatenationBelowTheLimitIsPlainConcatenation() {
        assertEquals("ab", StringLimit.concat("a", "b"));
        assertEquals("", StringLimit.concat("", ""));
    }
}
