// Checks how a language instance hands out struct classes: the first StructClasses.COUNT types get
// one each, in declaration order, every type after that none, and another instance starts afresh.
package chan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.values.StructClasses;
import org.junit.jupiter.api.Test;

class StructClassesHandedOutTest {
    @Test
    void eachOfTheFirstTypesGetsOneAndTheRestNone() {
        ChanLanguage language = new ChanLanguage();
        for (int i = 0; i < StructClasses.COUNT; i++) {
            assertEquals(i, language.nextStructClass());
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, language.nextStructClass());
        }
        assertEquals(0, new ChanLanguage().nextStructClass());
    }
}
