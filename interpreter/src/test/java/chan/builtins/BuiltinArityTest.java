// Checks Builtin.arityError, the one message of a call of a built-in with a count of arguments it does
// not take, used by the static check of a call by name (ModuleCompiler.checkArityOfNamedCall) and by
// BuiltinRootNode for a call through a value: the counts each takes, and the wording of each form.
package chan.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BuiltinArityTest {
    @Test
    void aFixedArityTakesThatCountOnly() {
        Builtin len = BuiltinTable.named("len");
        assertEquals(1, len.arity());
        assertNull(len.arityError(1));
        assertEquals("len takes 1 argument, got 2", len.arityError(2));
        assertEquals("args takes 0 arguments, got 1", BuiltinTable.named("args").arityError(1));
    }

    @Test
    void aRangeOfCountsIsCheckedByTheBuiltinAndNamedInItsMessage() {
        Builtin range = BuiltinTable.named("range");
        assertEquals(-1, range.arity(), "a ranged built-in's function value leaves the check to BuiltinRootNode");
        assertNull(range.arityError(2));
        assertNull(range.arityError(3));
        assertEquals("range takes 2 or 3 arguments, got 1", range.arityError(1));
        assertEquals("range takes 2 or 3 arguments, got 4", range.arityError(4));
        assertEquals("chan takes 0 or 1 arguments, got 2", BuiltinTable.named("chan").arityError(2));
        assertEquals("assert takes 1 or 2 arguments, got 0", BuiltinTable.named("assert").arityError(0));
    }

    /** The one lookup behind a bare name's built-in, its value and its static arity check (ModuleCompiler.builtin). */
    @Test
    void anIntrinsicIsVisibleInAStandardModuleOnly() {
        assertNull(BuiltinTable.visible("intrinsic_find", false));
        assertEquals("intrinsic_find takes 3 arguments, got 2", BuiltinTable.visible("intrinsic_find", true).arityError(2));
        assertEquals(BuiltinTable.named("len"), BuiltinTable.visible("len", false));
        assertEquals(BuiltinTable.named("len"), BuiltinTable.visible("len", true));
        assertNull(BuiltinTable.visible("no_such_builtin", true));
    }

    @Test
    void printTakesAnyCount() {
        Builtin print = BuiltinTable.named("print");
        assertNull(print.arityError(0));
        assertNull(print.arityError(1000));
    }

    @Test
    void widerRangesAndOpenEndsAreWordedToo() {
        Builtin.Implementation none = a -> null;
        assertEquals("f takes 1 to 3 arguments, got 4", new Builtin("f", 1, 3, none).arityError(4));
        assertEquals("g takes at least 2 arguments, got 1", new Builtin("g", 2, Builtin.ANY, none).arityError(1));
    }
}
