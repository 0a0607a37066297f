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
    /** The names of its functions that can call no function value, even through the functions they call (EntryChecks). */
    private java.util.Set<String> cannotCallBack = java.util.Set.of();
    /** The names of its functions that never wait: no receive, send, `choose`, `start` or waiting built-in, even in the functions they call (EntryChecks). */
    private java.util.Set<String> neverWait = java.util.Set.of();
    /** Compiles a member function not compiled yet (memberReferredTo); does nothing for a module compiled whole. */
    private java.util.function.Consumer<String> compileOnReference = name -> { };

    public ChanModule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, GlobalCell> members() {
        return members;
    }

    /**
     * The cell of a member that code being compiled refers to ({@code m.name}), or null if there is
     * none. A module whose functions compile when first referred to (the stdlib's, see
     * ModuleCompiler) compiles that one first, so the cell holds the function before anything runs.
     */
    public GlobalCell memberReferredTo(String name) {
        GlobalCell cell = members.get(name);
        if (cell != null) {
            compileOnReference.accept(name);
        }
        return cell;
    }

    public void compileFunctionsOnReference(java.util.function.Consumer<String> compile) {
        this.compileOnReference = compile;
    }

    /** The function that evaluates the module's consts and runs its top-level statements. */
    public chan.values.ChanFunction init() {
        return init;
    }

    public void setInit(chan.values.ChanFunction init) {
        this.init = init;
    }

    /**
     * Whether, once loaded, it has no initialiser: it could not be read or had errors, all reported.
     * A use of one of its members is then no error of its own (it would only echo those).
     */
    public boolean failed() {
        return init == null;
    }

    /**
     * Whether the member is a function that calls no function value, even through the functions it
     * calls: a call of it cannot come back into the module that calls it (imports form no cycle).
     */
    public boolean cannotCallBack(String member) {
        return cannotCallBack.contains(member);
    }

    public void setCannotCallBack(java.util.Set<String> names) {
        this.cannotCallBack = names;
    }

    public boolean neverWaits(String member) {
        return neverWait.contains(member);
    }

    public void setNeverWait(java.util.Set<String> names) {
        this.neverWait = names;
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
