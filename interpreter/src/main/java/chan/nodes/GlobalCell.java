package chan.nodes;

/**
 * One top-level name of a module (a function, const, struct type or imported module). Operations
 * hold the cell as a constant operand and read its value; the value is written once, while the
 * module initialises, before anything can read it (a const read too early is an error).
 */
public final class GlobalCell {
    public final String name;
    public Object value;

    public GlobalCell(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "global " + name;
    }
}
