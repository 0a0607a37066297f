package chan.nodes.ops;

import chan.nodes.LibraryCaller;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import com.oracle.truffle.api.nodes.Node;

/**
 * Where a new thread was started, as its crash line shows it (docs/errors.md, "a thread started by
 * a standard module"). A `start` in the program's own code is its `FILE:LINE`. A `start` inside a
 * standard module (pipeline.map's stage) is named by what the program wrote: the library function
 * it called and the line of that call, `pipeline.map at prog.chan:5`. The library's own line would
 * tell a user nothing they can act on, and which of their calls the thread came from is lost; Go
 * names the function that created a goroutine in the same way ("created by …"), and an Erlang crash
 * report the process's initial call.
 */
final class SpawnSite {
    private SpawnSite() {}

    /** The site to record for a thread started at {@code site} (FILE:LINE) by the code of {@code node}. */
    static Object of(String site, Node node, Scheduler scheduler) {
        if (!LibraryCaller.inLibrary(node)) {
            return site;
        }
        LibraryCaller.Entry entry = LibraryCaller.of();
        if (entry.call() != null) {
            return entry; // `pipeline.map at prog.chan:5`; BlockSite tells such a thread apart by its class
        }
        // A library thread starting another (no code of the program on its stack): named as that thread was.
        Strand current = scheduler.current();
        return current != null && current.spawnSite != null ? current.spawnSite : site;
    }
}
