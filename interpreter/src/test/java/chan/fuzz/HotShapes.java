package chan.fuzz;

import java.util.Random;

/**
 * The part of a generated program (ProgramGenerator) aimed at the shapes compiled code optimizes
 * hardest, each a function called often enough to be compiled, with a loop long enough to be
 * compiled on its own (on-stack replacement) and to cross the end of a quantum:
 * <ul>
 * <li>{@link #storageLoop}: an array's storage changes kind inside a counted loop (ints to floats
 * or objects, an int slot to a big int), at an index that is sometimes negative or past 64 bits;
 * <li>{@link #recordLoop}: small arrays used as records (inline slots, int slots beside object
 * slots), then replaced by a bigger array at the same sites, or given a value of another kind;
 * <li>{@link #edgeIntLoop}: a counted loop whose counter or accumulator crosses the 64-bit edge and
 * goes on as a big int (`+`, `-`, `*`, `<<`, negation, `/ -1` of the least int);
 * <li>{@link #tailLoop}: a self tail call (a jump in compiled code) whose arguments change kind from
 * one call to the next;
 * <li>{@link #threadsOnOneCore}: threads sharing one core, each in a counted loop long enough to be
 * preempted in it, and in a loop with a `sleep` (an outlined loop, suspended and resumed).
 * </ul>
 * Every result is printed, and the errors some of them raise (an index out of range, a float
 * added to a string) are caught per call and printed too. The choices come from a Random of its own,
 * so the rest of a seed's program is what it was before these shapes existed.
 */
final class HotShapes {
    private final Random r;
    private final StringBuilder out;
    private int next;

    private HotShapes(Random r, StringBuilder out) {
        this.r = r;
        this.out = out;
    }

    /** Writes one to three of the shapes, their functions and the top-level code that calls them, to out. */
    static void write(Random r, StringBuilder out) {
        HotShapes shapes = new HotShapes(r, out);
        int count = 1 + r.nextInt(3);
        for (int s = 0; s < count; s++) {
            switch (r.nextInt(5)) {
                case 0 -> shapes.storageLoop();
                case 1 -> shapes.recordLoop();
                case 2 -> shapes.edgeIntLoop();
                case 3 -> shapes.tailLoop();
                default -> shapes.threadsOnOneCore();
            }
        }
    }

    private static final String[] ARRAYS = {"array(3, 0)", "array(2, 0)", "array(1, 0)", "array(2)", "array(3)", "array(5)",
        "array(2, 0.5)", "array(4, true)", "array(1)", "array(6, 0)", "array(2, \"s\")", "array(3, 1.5)"};
    private static final String[] OTHER_VALUES = {"nil", "1.5", "\"s\"", "true", "9223372036854775807 + 1", "7", "(1, 2)",
        "-9223372036854775807 - 2", "0.0", "false", "[1]"};
    /** Indices that are out of range for every array here, or past 64 bits. */
    private static final String[] EDGE_INDICES = {"-1", "len(a)", "9223372036854775807", "(-9223372036854775807 - 1)", "1 << 64",
        "-(1 << 64)", "4294967296", "2147483648", "-2147483649"};

    /** A loop of calls of {@code call}, printing the result (or the error) of every {@code every}th. */
    private void calls(int n, String call, int every) {
        line("for (k in range(0, " + n + ")) {");
        line("  let r = nil;");
        line("  try { r = " + call + "; } catch (e) { r = (:caught, e); }");
        line("  if (k % " + every + " == 0 || k == " + (n - 1) + ") { print(r); }");
        line("}");
    }

    private String listOf(String[] values, int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append(values[r.nextInt(values.length)]);
        }
        return s.append("]").toString();
    }

    private void storageLoop() {
        String f = "hot" + next++;
        String idx = pick("i % len(a)", "(i * 7 + 3) % len(a)", "len(a) - 1 - i % len(a)", "abs(i - 250) % len(a)");
        String late = r.nextInt(3) == 0 ? EDGE_INDICES[r.nextInt(EDGE_INDICES.length)] : "j";
        String step = pick("1", "i", "-i", "9223372036854775807", "i * 3037000500", "(-9223372036854775807 - 1)", "x");
        line("fn " + f + "(n, a, t, v) {");
        line("  let s = 0;");
        line("  let i = 0;");
        line("  while (i < n) {");
        line("    let j = " + idx + ";");
        line("    if (i == t) { a[" + late + "] = v; }");
        line("    let x = a[j];");
        line("    if (type(x) == :int) { a[j] = x + " + step + "; s = (s + x % 1000) % 1000003; }");
        line("    else if (type(x) == :float) { a[j] = x * 0.5; s += 1; }");
        line("    else if (x == nil) { a[j] = " + pick("i", "0.25", "true", "i % 2 == 0") + "; }");
        line("    else { s += len(str(x)); }");
        line("    i += 1;");
        line("  }");
        line("  return (s, a);");
        line("}");
        int arrays = 2 + r.nextInt(5);
        int values = 1 + r.nextInt(4);
        boolean keep = r.nextBoolean();
        if (keep) {
            line("let keep" + f + " = " + ARRAYS[r.nextInt(ARRAYS.length)] + ";");
        }
        String array = keep ? "keep" + f : listOf(ARRAYS, arrays) + "[k % " + arrays + "]";
        int n = 250 + r.nextInt(500);
        calls(40 + r.nextInt(40), f + "(" + n + " + k % 13, " + array + ", " + (n - 100 + r.nextInt(100)) + " + k % 7, "
                        + listOf(OTHER_VALUES, values) + "[k % " + values + "])", 1 + r.nextInt(9));
    }

    private void recordLoop() {
        String f = "hot" + next++;
        int small = 1 + r.nextInt(2);
        line("fn " + f + "(n, t, grown, v) {");
        line("  let rec = array(" + small + pick("", ", 0", ", nil", ", 0.5") + ");");
        line("  let pair = array(2" + pick("", ", 0", ", :a") + ");");
        line("  let i = 0;");
        line("  while (i < n) {");
        line("    rec[0] = " + pick("i", "rec[0] + 1", "i % 3 == 0", "pair[1]") + ";");
        line("    rec[len(rec) - 1] = " + pick("rec[0]", "i * 2", "pair[0]", "v") + ";");
        line("    pair[i % 2] = " + pick("rec[0]", "i", "v", "pair[1 - i % 2]") + ";");
        line("    pair[1] = pair[0];");
        line("    if (i == t) { rec = grown; }");
        line("    if (i == t + " + r.nextInt(50) + ") { rec[" + pick("0", "len(rec) - 1", "1", "2") + "] = v; }");
        line("    i += 1;");
        line("  }");
        line("  return (rec, pair);");
        line("}");
        int arrays = 2 + r.nextInt(4);
        int values = 1 + r.nextInt(4);
        int n = 250 + r.nextInt(400);
        calls(40 + r.nextInt(40), f + "(" + n + ", " + (n - 150 + r.nextInt(140)) + " + k % 11, " + listOf(ARRAYS, arrays) + "[k % " + arrays
                        + "], " + listOf(OTHER_VALUES, values) + "[k % " + values + "])", 1 + r.nextInt(9));
    }

    private void edgeIntLoop() {
        String f = "hot" + next++;
        boolean up = r.nextBoolean();
        String edge = up ? "9223372036854775807" : "(-9223372036854775807 - 1)";
        String op = pick("acc + 1", "acc * 2", "acc - i", "-acc", "acc << 1", "acc / -1", "acc + " + edge, "abs(acc) + 1", "acc % -1 + acc");
        line("fn " + f + "(n, x) {");
        line("  let acc = x;");
        line("  let c = 0;");
        line("  let i = " + edge + (up ? " - n" : " + n") + ";");
        line("  while (i " + (up ? "<" : ">") + " " + edge + (up ? " + " : " - ") + pick("n", "3", "1", "0") + ") {");
        line("    acc = " + op + ";");
        line("    if (acc > 4611686018427387904 * 4 || acc < -4611686018427387904 * 4) { acc = acc % 1000003 + x; }");
        line("    c += 1;");
        line("    i " + (up ? "+=" : "-=") + " " + pick("1", "2", "7") + ";");
        line("  }");
        line("  return (acc, c, i);");
        line("}");
        calls(40 + r.nextInt(40), f + "(" + (250 + r.nextInt(400)) + " + k % 17, " + pick("k", "9223372036854775807 - k", "(-9223372036854775807 - 1) + k",
                        "k * 4611686018427387904", "k % 3 * 1.5", "[0, 1 << 63, -1][k % 3]") + ")", 1 + r.nextInt(9));
    }

    private void tailLoop() {
        String f = "hot" + next++;
        int swap = 5 + r.nextInt(60);
        line("fn " + f + "(n, a, b) {");
        line("  if (n <= 0) { return (a, b); }");
        line("  if (n % " + swap + " == 0) { return " + f + "(n - 1, b, a); }");
        line("  if (type(a) == :int) { return " + f + "(n - 1, a + " + pick("n", "9223372036854775807", "a", "-n") + ", b); }");
        line("  if (type(a) == :float) { return " + f + "(n - 1, a * 0.5 + n, " + pick("len(str(b))", "b", "n", "(b,)") + "); }");
        line("  if (type(a) == :string) { return " + f + "(n - 1, len(a) + " + pick("0.5", "1", "0") + ", [a]); }");
        line("  return " + f + "(n - 1, " + pick("len(str(a))", "nil", "0") + ", a);");
        line("}");
        calls(40 + r.nextInt(40), f + "(" + (200 + r.nextInt(600)) + " + k % 19, " + pick("k", "k * 0.5", "str(k)", "nil", "9223372036854775807 - k")
                        + ", " + pick("k", "\"b\"", "(k,)", "nil") + ")", 1 + r.nextInt(9));
    }

    private void threadsOnOneCore() {
        String f = "hot" + next++;
        int workers = 2 + r.nextInt(3);
        line("fn " + f + "(n, seed) {");
        line("  let a = array(" + (2 + r.nextInt(4)) + ", 0);");
        line("  let s = seed;");
        line("  let i = 0;");
        line("  while (i < n) {");
        line("    s = (s * 31 + i) % 1000003;");
        line("    a[i % len(a)] += s % 7;");
        line("    if (s % " + (500 + r.nextInt(1000)) + " == 0) { a[0] = " + pick("0.5", "1.5", "nil", "9223372036854775807 + s", "-9223372036854775807 - s") + "; }");
        line("    i += 1;");
        line("  }");
        line("  return (s, a, now());");
        line("}");
        line("fn " + f + "naps(n) {");
        line("  let t = 0;");
        line("  for (i in range(0, n)) {");
        line("    t = (t + i * i) % 1000003;");
        line("    if (i % " + (20 + r.nextInt(80)) + " == 0) { sleep(" + r.nextInt(20) + "); }");
        line("  }");
        line("  return (t, now());");
        line("}");
        String c = f + "out";
        line("let " + c + " = chan(" + r.nextInt(4) + ");");
        line("for (w in range(0, " + workers + ")) {");
        line("  start" + (r.nextInt(3) == 0 ? " on (w % cores())" : "") + " {");
        line("    for (k in range(0, " + (30 + r.nextInt(20)) + ")) {");
        line("      let r = nil;");
        line("      try { r = " + f + "(" + (1000 + r.nextInt(4000)) + " + 37 * k, w); } catch (e) { r = (:caught, e); }");
        line("      " + c + " <- (w, k, r);");
        line("    }");
        line("    " + c + " <- (w, :naps, " + f + "naps(" + (200 + r.nextInt(600)) + "));");
        line("    " + c + " <- (w, :done);");
        line("  };");
        line("}");
        line("let " + f + "done = 0;");
        line("while (" + f + "done < " + workers + ") { let m = <-" + c + "; if (len(m) == 2) { " + f + "done += 1; } print(m); }");
    }

    @SafeVarargs
    private <X> X pick(X... options) {
        return options[r.nextInt(options.length)];
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
