package chan.embedding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * Every kind of Chan value is an interop value that a tool can show: a debugger stopped in a
 * function sees each local's display form (what `print` writes inside a collection), lists, tuples
 * and arrays as arrays, a struct's fields as its members, nil as null.
 */
class ValuesSeenByToolsTest {
    private static final String PROGRAM = """
                    struct Point { x, y }
                    fn look() {
                      let s = "hi";
                      let f = 1.5;
                      let yes = true;
                      let none = nil;
                      let a = :ok;
                      let t = (1, :a);
                      let xs = [1, 2, 3];
                      let m = {"k" => 1};
                      let p = Point{x: 1, y: "two"};
                      let arr = array(2, 0);
                      let d = dict();
                      d["k"] = [nil];
                      let c = chan();
                      let th = start { };
                      let g = fn (x) => x;
                      return 0;
                    }
                    look();
                    """;

    @Test
    void aDebuggerShowsEveryKindOfValue() {
        var out = new ByteArrayOutputStream();
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, DebugValue> values = new LinkedHashMap<>();
        StringBuilder checks = new StringBuilder();
        try (Context context = Context.newBuilder("chan").out(out).err(out).build()) {
            Source source = Source.newBuilder("chan", PROGRAM, "values.chan").buildLiteral();
            try (DebuggerSession session = Debugger.find(context.getEngine()).startSession(event -> {
                for (DebugValue v : event.getTopStackFrame().getScope().getDeclaredValues()) {
                    if (!v.getName().matches("local\\d+")) {
                        shown.put(v.getName(), v.toDisplayString());
                        values.put(v.getName(), v);
                    }
                }
                // read while suspended: a DebugValue is valid only then
                checks.append(values.get("xs").isArray()).append(' ').append(values.get("xs").getArray().size()).append(' ')
                                .append(values.get("t").getArray().get(1).toDisplayString()).append(' ')
                                .append(values.get("arr").getArray().size()).append(' ')
                                .append(values.get("p").getProperty("y").toDisplayString()).append(' ')
                                .append(values.get("p").getProperties().stream().map(DebugValue::getName).toList()).append(' ')
                                .append(values.get("none").isNull()).append(' ')
                                .append(values.get("s").isString() ? values.get("s").asString() : "?").append(' ')
                                .append(values.get("g").canExecute()); // a call runs inside a run of the machine: docs/embedding.md
            })) {
                session.install(Breakpoint.newBuilder(source.getURI()).lineIs(18).build());
                assertEquals(0, context.eval(source).asInt(), out.toString(UTF_8));
            }
        }
        assertEquals(Map.ofEntries(Map.entry("s", "\"hi\""), Map.entry("f", "1.5"), Map.entry("yes", "true"), Map.entry("none", "nil"),
                        Map.entry("a", ":ok"), Map.entry("t", "(1, :a)"), Map.entry("xs", "[1, 2, 3]"), Map.entry("m", "{\"k\" => 1}"),
                        Map.entry("p", "Point{x: 1, y: \"two\"}"), Map.entry("arr", "array[0, 0]"), Map.entry("d", "dict{\"k\" => [nil]}"),
                        Map.entry("c", "<chan 1>"), Map.entry("th", "<thread 2>"), Map.entry("g", "<fn>")), shown);
        assertEquals("true 3 :a 2 \"two\" [x, y] true hi false", checks.toString());
    }
}
