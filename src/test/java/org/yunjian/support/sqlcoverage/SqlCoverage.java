package org.yunjian.support.sqlcoverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which SQL statements the product's own code sends in a test run, so that the PostgreSQL pass can be narrowed to the
 * classes that carry PostgreSQL-specific risk and still prove every statement on PostgreSQL (issue 37, "CI with
 * margin"). On when the system property {@value #DIRECTORY} names a directory (the pom sets it for both database
 * passes, never for server processes); the pass writes {@code <pass>.tsv} there: one line per statement, normalised
 * (whitespace, IN lists, literals), with the main-code method that sent it first. Statements sent by test code, by
 * Flyway or by Spring Modulith's event registry are not the product's and are not recorded.
 */
public final class SqlCoverage {

    /** System property: the directory the passes write to. */
    public static final String DIRECTORY = "yunjian.test.sql-coverage";

    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Map<Class<?>, Boolean> MAIN = new ConcurrentHashMap<>();

    private SqlCoverage() {}

    static boolean enabled() {
        String dir = System.getProperty(DIRECTORY);
        return dir != null && !dir.isBlank() && !dir.equals("none");
    }

    /** The pass this JVM runs: {@code postgres} or {@code h2}. */
    static String pass() {
        return "postgres".equals(System.getProperty("yunjian.test.db")) ? "postgres" : "h2";
    }

    static Path directory() {
        return Path.of(System.getProperty(DIRECTORY));
    }

    /**
     * With {@value #BY_CLASS}: which test classes were running when each statement was sent (at most one per lane,
     * so a statement may be credited to a neighbour too) - to choose the classes of the PostgreSQL pass.
     */
    static final String BY_CLASS = "yunjian.test.sql-coverage.by-class";

    private static final boolean byClass = Boolean.getBoolean(BY_CLASS);
    private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> CLASSES = new ConcurrentHashMap<>();
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    /**
     * Notes a statement about to be sent; cheap once its text has been seen from main code. A text seen only from
     * test code is walked again each time: the same text may come from main code later, and that sighting counts.
     */
    static void sent(String sql) {
        if (sql == null) {
            return;
        }
        if (!NORMALISED.containsKey(sql)) {
            Optional<String> origin = origin();
            if (origin.isEmpty()) {
                return;
            }
            String key = normalise(sql);
            STATEMENTS.putIfAbsent(key, origin.get());
            NORMALISED.put(sql, key);
        }
        if (byClass) {
            CLASSES.computeIfAbsent(NORMALISED.get(sql), k -> ConcurrentHashMap.newKeySet())
                    .addAll(credited());
        }
    }

    /**
     * The test classes running on each lane's thread, innermost last: a statement sent on a test's own thread (MockMvc,
     * a repository called from the test) is that class's; one sent on another thread (a served HTTP request, a
     * scheduled job) is credited to every class running at the time, marked {@value #CO_RUNNING}.
     */
    private static final Map<Thread, java.util.Deque<String>> ON_THREAD = new ConcurrentHashMap<>();

    /** Marks a class credited only because it was running when a statement was sent on another thread. */
    static final String CO_RUNNING = "~";

    static void started(String testClass) {
        RUNNING.add(testClass);
        ON_THREAD
                .computeIfAbsent(Thread.currentThread(), t -> new java.util.ArrayDeque<>())
                .addLast(testClass);
    }

    static void finished(String testClass) {
        RUNNING.remove(testClass);
        java.util.Deque<String> own = ON_THREAD.get(Thread.currentThread());
        if (own != null) {
            own.removeLastOccurrence(testClass);
            if (own.isEmpty()) {
                ON_THREAD.remove(Thread.currentThread());
            }
        }
    }

    /** The class a statement sent now is credited to: the test's own, or every running one marked co-running. */
    private static Set<String> credited() {
        java.util.Deque<String> own = ON_THREAD.get(Thread.currentThread());
        if (own != null && !own.isEmpty()) {
            return Set.of(own.peekLast());
        }
        Set<String> all = new java.util.HashSet<>();
        RUNNING.forEach(c -> all.add(CO_RUNNING + c));
        return all;
    }

    /** Statement → the test classes running when it was sent (empty unless {@value #BY_CLASS}). */
    static Map<String, Set<String>> classes() {
        return new TreeMap<>(CLASSES);
    }

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    private static final Pattern IN_LIST = Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
    /** {@code IN (?)}: a list of one is the same statement as a list of many. */
    private static final Pattern IN_ONE = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?\\s*\\)");

    private static final Pattern ROWS = Pattern.compile("(\\([^()]*\\))(?:\\s*,\\s*\\([^()]*\\))+");

    /** One spelling per statement: whitespace collapsed, literals and lists of placeholders of any length alike. */
    static String normalise(String sql) {
        String s = SPACE.matcher(sql.strip()).replaceAll(" ");
        s = STRING.matcher(s).replaceAll("'…'");
        s = NUMBER.matcher(s).replaceAll("0");
        s = IN_LIST.matcher(s).replaceAll("(?, …)");
        s = IN_ONE.matcher(s).replaceAll("IN (?, …)");
        return ROWS.matcher(s).replaceAll("$1, …");
    }

    /** The main-code method that sends the statement, or empty for test code and frameworks' own statements. */
    private static Optional<String> origin() {
        return WALKER.walk(
                frames -> frames.filter(f -> !f.getClassName().startsWith("org.yunjian.support.sqlcoverage."))
                        .filter(f -> f.getClassName().startsWith("org.yunjian.")
                                || f.getClassName().startsWith("org.flywaydb.")
                                || f.getClassName().startsWith("org.springframework.modulith."))
                        .findFirst()
                        .filter(f -> f.getClassName().startsWith("org.yunjian.") && isMain(f.getDeclaringClass()))
                        .map(f -> f.getClassName() + "#" + f.getMethodName()));
    }

    private static boolean isMain(Class<?> type) {
        return MAIN.computeIfAbsent(type, t -> {
            CodeSource source = t.getProtectionDomain().getCodeSource();
            return source != null
                    && source.getLocation() != null
                    && !source.getLocation().getPath().contains("test-classes");
        });
    }

    /** The statements seen so far, sorted: statement → origin. */
    static Map<String, String> statements() {
        return new TreeMap<>(STATEMENTS);
    }

    static void write(Path file, Map<String, String> statements) {
        StringBuilder out = new StringBuilder();
        statements.forEach(
                (sql, origin) -> out.append(origin).append('\t').append(sql).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> read(Path file) {
        Map<String, String> statements = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    statements.put(line.substring(tab + 1), line.substring(0, tab));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements;
    }

    /** The connection, noting every statement prepared or executed on it. */
    static Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                SqlCoverage.class.getClassLoader(), new Class<?>[] {Connection.class}, new Recorder(connection));
    }

    private record Recorder(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (args != null
                    && args.length > 0
                    && args[0] instanceof String sql
                    && (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch"))) {
                sent(sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return Proxy.newProxyInstance(
                        SqlCoverage.class.getClassLoader(), new Class<?>[] {Statement.class}, new Recorder(statement));
            }
            return result;
        }
    }
}
