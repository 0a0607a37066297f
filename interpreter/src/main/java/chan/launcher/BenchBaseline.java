package chan.launcher;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Java baseline of `chan bench FILE … --baseline CLASS [--baseline-path DIRS]`: a Java version of
 * the program, run in the same process and alternating with the Chan runs, run by run, so that each
 * pair of figures is taken at the same moment of the machine. On a shared host whose speed changes
 * for tens of seconds at a time, two processes measured one after the other can differ by 2x for
 * that alone (bench/README.md, "Two speeds of the host"); a run and the baseline's iteration right
 * after it share the moment, though a slow moment need not slow both alike (bench/README.md, "Pairs
 * in one process").
 *
 * <p>The contract: CLASS has a public no-argument constructor and implements
 * {@code java.util.function.Predicate<String[]>}; {@code test(args)} runs one iteration with the
 * program's arguments and returns whether its result was right. It is compiled by the host JIT (C2)
 * as any Java code, and warmed up for {@link #warmUpSeconds()} of wall time before the first pair,
 * since C2 compiles in the background (the Chan side compiles as the runs go).
 */
final class BenchBaseline {
    /** Why a baseline cannot be used: the class is missing or breaks the contract. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private final String name;
    private final Predicate<String[]> iteration;
    private final String[] args;

    private BenchBaseline(String name, Predicate<String[]> iteration, String[] args) {
        this.name = name;
        this.iteration = iteration;
        this.args = args;
    }

    /** Loads CLASS from DIRS (a class path, `:`-separated; null: the launcher's own). */
    @SuppressWarnings("unchecked")
    static BenchBaseline load(String className, String classPath, List<String> programArgs) throws Unusable {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader(classPath));
        } catch (ClassNotFoundException e) {
            throw new Unusable("no class " + className + (classPath == null ? "" : " in " + classPath));
        } catch (LinkageError e) {
            // A class file this JVM cannot take, or a static initializer that threw.
            throw new Unusable("cannot load " + className + ": " + (e.getCause() != null ? e.getCause() : e));
        }
        if (!Predicate.class.isAssignableFrom(type)) {
            throw new Unusable(className + " does not implement java.util.function.Predicate<String[]>");
        }
        try {
            Predicate<String[]> iteration = (Predicate<String[]>) type.getConstructor().newInstance();
            return new BenchBaseline(className, iteration, programArgs.toArray(new String[0]));
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new Unusable(className + " has no public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw new Unusable(className + "'s constructor failed: " + e.getCause());
        }
    }

    private static ClassLoader loader(String classPath) throws Unusable {
        ClassLoader launcher = BenchBaseline.class.getClassLoader();
        if (classPath == null) {
            return launcher;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            try {
                urls.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new Unusable("bad --baseline-path entry " + entry);
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), launcher);
    }

    String name() {
        return name;
    }

    /** Seconds of wall time the baseline runs before the first pair: -Dchan.bench.baselineWarmUp (default 3). */
    static double warmUpSeconds() {
        return Double.parseDouble(System.getProperty("chan.bench.baselineWarmUp", "3"));
    }

    /** Runs iterations for {@code seconds} of wall time, and at least once; false if one was wrong. */
    boolean warmUp(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            if (!runOnce()) {
                return false;
            }
        } while (System.nanoTime() < end);
        return true;
    }

    /** Runs one iteration (the one `chan bench` times); false if its result was wrong. */
    boolean runOnce() {
        return iteration.test(args);
    }
}
