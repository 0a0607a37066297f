package chan.nodes;

import chan.ChanContext;
import com.oracle.truffle.api.nodes.Node;

/**
 * Where a thread blocks, for deadlock reports: each blocking operation carries its description,
 * `receive at prog.chan:12:5`, as a constant made by the compiler, so recording it costs one store.
 */
public final class BlockSite {
    private BlockSite() {}

    public static void record(String site, Node node) {
        ChanContext.get(node).scheduler().current().blockSite = site;
    }
}
