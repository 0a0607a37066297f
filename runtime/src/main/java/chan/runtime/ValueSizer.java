package chan.runtime;

/**
 * Estimates the size in bytes of a guest value sent across cores, for the per-cache-line message cost
 * ({@link CostModel#CACHE_LINE}). Supplied by the interpreter in {@link SchedulerOptions#valueSizer};
 * called only for cross-core transfers, so it may walk the value. Must be a pure function of the value.
 */
@FunctionalInterface
public interface ValueSizer {
    int bytes(Object value);
}
