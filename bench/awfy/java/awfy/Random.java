package awfy;

/** The suite's deterministic random number generator (som/Random). */
final class Random {
    private int seed = 74755;

    int next() {
        seed = ((seed * 1309) + 13849) & 65535;
        return seed;
    }
}
