package chan.runtime;

import java.util.function.Consumer;

/**
 * The guest values a guest value refers to directly: the items of a list, the captures of a closure,
 * the locals of a suspended thread's frames. Supplied by the interpreter in {@link
 * SchedulerOptions#valueReferences}, for the deadlock report alone: following them from a blocked
 * thread's body finds the channels the thread holds, and so which threads could complete an
 * operation another is blocked in ({@link WaitForGraph}). Values it does not know it skips.
 */
@FunctionalInterface
public interface ValueReferences {
    void forEach(Object value, Consumer<Object> referenced);
}
