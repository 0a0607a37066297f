package chan.nodes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded module: its top-level names (functions, consts, struct types, its own imports) and the
 * function that initialises it (evaluates consts, runs top-level statements), run once by the first
 * module that imports it.
 */
public final class ChanModule {
    private final String name;
    private final Map<String, GlobalCell> members = new LinkedHashMap<>();
    private boolean initialised;
    private chan.values.ChanFunction init;

    public ChanModule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, GlobalCell> members() {
        return members;
    }

    /** The function that evaluates the module's consts and runs its top-level statements. */
    public chan.values.ChanFunction init() {
        return init;
    }

    public void setInit(chan.values.ChanFunction init) {
        this.init = init;
    }

    public void reset() {
        initialised = false;
    }

    /** Marks the module initialised; true if it already was. */
    public boolean markInitialised() {
        boolean was = initialised;
        initialised = true;
        return was;
    }

    @Override
    public String toString() {
        return "<module " + name + ">";
    }
}
