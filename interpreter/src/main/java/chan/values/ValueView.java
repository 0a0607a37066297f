package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * How a tool shows a Chan value that does not say itself how it looks (ChanLanguage.getLanguageView):
 * a channel or a thread handle, which the runtime module keeps free of interop exports, an int, a
 * float, a string. A debugger shows its display form, as the REPL would write it: `<chan 3>`,
 * `<thread 7>`, `"hi"`.
 */
@ExportLibrary(InteropLibrary.class)
public final class ValueView implements TruffleObject {
    private final Object value;

    public ValueView(Object value) {
        this.value = value;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return ChanLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Display.repr(value);
    }
}
