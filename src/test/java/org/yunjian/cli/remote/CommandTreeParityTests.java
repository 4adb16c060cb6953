package org.yunjian.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One command tree (issue 61, ADR 012): every job the REST API offers a user — a write, or a list / show — has a
 * command. The test walks the whole {@code yunjian} client tree and runs every command, with its options filled, against
 * a recording stub server: the calls it makes are the jobs it covers (what the code does, not what a list says). Then
 * it walks the REST API (the Spring request mappings of every {@code @RestController}) and fails for a REST job that
 * no command calls, unless the {@link #ALLOWED allowlist} names it with its reason, or it is a known gap listed in
 * {@code src/test/resources/cli/rest-jobs-without-command.txt} — a list that only shrinks: a gap that got its command
 * (or an endpoint that went) must leave the list too, so the list always says what is still missing.
 */
class CommandTreeParityTests {

    /**
     * REST jobs that deliberately have no command, each with its reason (path prefixes; the method too where given).
     */
    static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put(
                "/api/account/tokens",
                "an API token is made and revoked on the account page by a person signed in: a token never makes a"
                        + " token (ADR 008)");
        ALLOWED.put("/api/csrf", "the browser's CSRF token: a command sends a bearer token, which needs none");
    }

    /** The file of known gaps, one {@code METHOD /api/template} a line; it only shrinks. */
    static final Path KNOWN_GAPS = Path.of("src/test/resources/cli/rest-jobs-without-command.txt");

    @Test
    void everyRestJobHasACommand() throws Exception {
        Set<String> operations = operations(controllers("org.yunjian"));
        assertThat(operations).as("the REST API as Spring maps it").hasSizeGreaterThan(200);
        Set<String> covered = covered(operations, callsOfEveryCommand());
        assertThat(covered).as("jobs the client tree calls").hasSizeGreaterThan(40);

        for (String allowed : ALLOWED.keySet()) {
            assertThat(operations)
                    .as("an allowlist entry that allows nothing is stale: " + allowed)
                    .anyMatch(allowedBy(allowed));
        }
        Set<String> gaps = new TreeSet<>(Files.readAllLines(KNOWN_GAPS).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList());
        if (Boolean.getBoolean("yunjian.cli.gaps.write")) {
            // records today's gaps (then read the diff: a line that went is a command that came)
            Set<String> now = missing(operations, covered, Set.of());
            Files.write(Path.of("target/parity-calls.txt"), callsOfEveryCommand());
            Files.write(Path.of("target/parity-runs.txt"), RUNS); // each run, its status and its stderr
            Files.writeString(
                    KNOWN_GAPS,
                    "# REST jobs without a command yet (CommandTreeParityTests): this list only shrinks.\n"
                            + String.join("\n", now) + "\n");
            gaps = now;
        }
        Set<String> missing = missing(operations, covered, gaps);
        assertThat(missing)
                .as("REST jobs with no command (write the command in org.yunjian.cli.remote, or give the reason in"
                        + " ALLOWED): ")
                .isEmpty();
        Set<String> stale = new TreeSet<>(gaps);
        stale.removeIf(g -> operations.contains(g) && !covered.contains(g));
        assertThat(stale)
                .as("known gaps that have a command now or no longer exist: remove them from " + KNOWN_GAPS)
                .isEmpty();
    }

    /** The check fails for a REST job no command calls: a fixture controller's job, and a real one taken away. */
    @Test
    void aRestJobWithoutACommandFails() throws Exception {
        Set<String> fixture = operations(controllers("fixtures.cli"));
        assertThat(fixture).containsExactlyInAnyOrder("POST /api/fixture-things", "GET /api/fixture-things/{}");
        assertThat(missing(fixture, Set.of(), Set.of()))
                .containsExactlyInAnyOrder("POST /api/fixture-things", "GET /api/fixture-things/{}");
        assertThat(missing(fixture, Set.of("GET /api/fixture-things/{}"), Set.of()))
                .containsExactly("POST /api/fixture-things");
        assertThat(missing(fixture, Set.of(), Set.of("POST /api/fixture-things", "GET /api/fixture-things/{}")))
                .isEmpty();

        // the real tree: monitors list calls its endpoint; without that call the job is missing
        Set<String> operations = operations(controllers("org.yunjian"));
        Set<String> covered = covered(operations, callsOfEveryCommand());
        assertThat(covered).contains("GET /api/systems/{}/monitors");
        Set<String> without = new TreeSet<>(covered);
        without.remove("GET /api/systems/{}/monitors");
        assertThat(missing(operations, without, Set.of())).contains("GET /api/systems/{}/monitors");
    }

    /** The jobs among {@code operations} that are neither covered, allowed nor a known gap. */
    static Set<String> missing(Collection<String> operations, Set<String> covered, Set<String> gaps) {
        return operations.stream()
                .filter(o -> !covered.contains(o) && !gaps.contains(o) && !allowed(o))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean allowed(String operation) {
        return ALLOWED.keySet().stream().anyMatch(a -> allowedBy(a).test(operation));
    }

    /** An entry {@code /api/prefix} allows every method under it, {@code METHOD /api/prefix} that method only. */
    static java.util.function.Predicate<String> allowedBy(String entry) {
        return operation -> entry.contains(" ")
                ? operation.startsWith(entry)
                : operation.substring(operation.indexOf(' ') + 1).startsWith(entry);
    }

    // ---- the REST API: the Spring request mappings ----

    static List<Class<?>> controllers(String base) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        return scanner.findCandidateComponents(base).stream()
                .<Class<?>>map(c -> ClassUtils.resolveClassName(c.getBeanClassName(), null))
                .toList();
    }

    /** {@code METHOD /api/path} of every mapping under {@code /api/}, each path variable written {@code {}}. */
    static Set<String> operations(List<Class<?>> controllers) {
        Set<String> all = new TreeSet<>();
        for (Class<?> controller : controllers) {
            RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String[] prefixes = type == null || type.path().length == 0 ? new String[] {""} : type.path();
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping m = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (m == null) {
                    continue;
                }
                String[] paths = m.path().length == 0 ? new String[] {""} : m.path();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        String full = (prefix + path).replaceAll("\\{[^}]*}", "{}");
                        if (!full.startsWith("/api/")) {
                            continue;
                        }
                        for (var verb : m.method()) {
                            all.add(verb.name() + " " + full);
                        }
                    }
                }
            }
        }
        return all;
    }

    /** The operations the recorded {@code calls} reach (each call to its most literal matching template). */
    static Set<String> covered(Set<String> operations, Collection<String> calls) {
        Set<String> covered = new TreeSet<>();
        for (String call : calls) {
            String verb = call.substring(0, call.indexOf(' '));
            String[] segments =
                    call.substring(call.indexOf(' ') + 1).split("\\?")[0].split("/");
            String best = null;
            int bestLiterals = -1;
            for (String operation : operations) {
                if (!operation.startsWith(verb + " ")) {
                    continue;
                }
                String[] template = operation.substring(verb.length() + 1).split("/");
                if (template.length != segments.length) {
                    continue;
                }
                int literals = 0;
                boolean matches = true;
                for (int i = 0; i < template.length && matches; i++) {
                    if (template[i].equals("{}")) {
                        continue;
                    }
                    matches = template[i].equals(segments[i]);
                    literals++;
                }
                if (matches && literals > bestLiterals) {
                    best = operation;
                    bestLiterals = literals;
                }
            }
            if (best != null) {
                covered.add(best);
            }
        }
        return covered;
    }

    // ---- the command tree: every client command run against a recording stub ----

    static final String ID = "00000000-0000-4000-8000-000000000001";

    /** The runs of the last walk, for reading when a command calls less than it should. */
    static final List<String> RUNS = new CopyOnWriteArrayList<>();

    /** {@code METHOD /path} of every call any command of the client tree makes, its options filled two ways. */
    static List<String> callsOfEveryCommand() throws IOException {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            // "mapped": an import's placed entry, which a decision on an imported finding names
            byte[] body = ("{\"items\":[],\"page\":1,\"size\":200,\"total\":0,\"pages\":1,\"id\":\"" + ID
                            + "\",\"version\":1,\"username\":\"alice\",\"mapped\":[{\"placements\":[{\"id\":\""
                            + ID + "\",\"version\":1}]}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"1\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        Path scratch = org.yunjian.support.Scratch.directory("parity");
        try {
            Map<String, String> env = new HashMap<>();
            env.put(Server.SERVER_ENV, "http://127.0.0.1:" + stub.getAddress().getPort());
            env.put(Server.TOKEN_ENV, "yj_parity");
            env.put("XDG_CONFIG_HOME", scratch.resolve("config").toString());
            env.put("HOME", scratch.toString());
            CommandLine tree = RemoteCli.tree(new RemoteCli.Remote(
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()),
                    new ByteArrayInputStream(new byte[0]),
                    null,
                    env::get,
                    java.util.Locale.ENGLISH,
                    null));
            for (CommandSpec leaf : leaves(tree.getCommandSpec())) {
                List<String> names =
                        new ArrayList<>(List.of(leaf.qualifiedName(" ").split(" ")));
                names.remove(0); // yunjian
                if (names.get(0).equals("login")) {
                    // the token from stdin, as a script gives it; login checks it with GET /api/account
                    RemoteCli.run(
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(new StringWriter()),
                            new ByteArrayInputStream("yj_parity\n".getBytes(StandardCharsets.UTF_8)),
                            null,
                            env::get,
                            "login",
                            "--server",
                            env.get(Server.SERVER_ENV));
                    continue;
                }
                if (names.get(0).equals("logout")) {
                    continue;
                }
                for (boolean every : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>(names);
                    for (ArgSpec arg : leaf.args()) {
                        if (arg.isOption() && ((CommandLine.Model.OptionSpec) arg).usageHelp()
                                || arg.isOption() && ((CommandLine.Model.OptionSpec) arg).versionHelp()) {
                            continue;
                        }
                        boolean flag = arg.isOption() && arg.typeInfo().isBoolean();
                        if (arg.group() != null && arg.group().exclusive()) {
                            // one of --item ID | --all: the first member in one run, the last in the other
                            List<ArgSpec> members = new ArrayList<>(arg.group().args());
                            if (arg != members.get(every ? members.size() - 1 : 0)) {
                                continue;
                            }
                            if (flag) {
                                args.add(((CommandLine.Model.OptionSpec) arg).longestName());
                                continue;
                            }
                        } else if (flag
                                && every
                                && ((CommandLine.Model.OptionSpec) arg)
                                        .longestName()
                                        .equals("--confirm")) {
                            args.add("--confirm"); // a decision a person confirms: the script says so
                            continue;
                        }
                        if (flag || !(arg.required() || every)) {
                            continue;
                        }
                        if (arg.isOption()) {
                            args.add(((CommandLine.Model.OptionSpec) arg).longestName());
                        }
                        args.add(value(arg, scratch));
                    }
                    StringWriter err = new StringWriter();
                    int status = RemoteCli.run(
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(err),
                            new ByteArrayInputStream(new byte[0]),
                            null,
                            env::get,
                            args.toArray(String[]::new));
                    RUNS.add(status + " " + String.join(" ", args) + " :: " + Server.oneLine(err.toString()));
                }
            }
        } finally {
            stub.stop(0);
        }
        return calls;
    }

    static List<CommandSpec> leaves(CommandSpec spec) {
        if (spec.subcommands().isEmpty()) {
            return List.of(spec);
        }
        List<CommandSpec> all = new ArrayList<>();
        spec.subcommands().values().stream()
                .map(CommandLine::getCommandSpec)
                .distinct()
                .forEach(s -> all.addAll(leaves(s)));
        return all;
    }

    /** A value of the argument's type: an id, a file that exists, a date, a number, a listed candidate, a word. */
    static String value(ArgSpec arg, Path scratch) throws IOException {
        Class<?> type = arg.typeInfo().getType();
        if (type == java.util.UUID.class) {
            return ID;
        }
        if (type == Path.class || type == java.io.File.class) {
            Path file = scratch.resolve("file-" + Math.abs(arg.paramLabel().hashCode()) + ".xlsx");
            Files.write(file, new byte[] {'P', 'K', 3, 4});
            return file.toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "1";
        }
        if (arg.completionCandidates() != null
                && arg.completionCandidates().iterator().hasNext()) {
            return arg.completionCandidates().iterator().next();
        }
        if (arg.typeInfo().isMap()) {
            return "1=x"; // --item N=COMMENT
        }
        if (arg.isOption() && ((CommandLine.Model.OptionSpec) arg).longestName().equals("--format")) {
            return "oscal-json"; // a format every exporting command knows
        }
        if (arg.paramLabel().contains("|")) {
            return arg.paramLabel().split("\\|")[0]; // yes|no|none, CUSTOMER|PROVIDER: the first
        }
        String label = arg.paramLabel().toUpperCase(java.util.Locale.ROOT);
        if (label.equals("USERNAME")) {
            return "alice"; // the stub's token owner: --as names the owner, as a script may
        }
        if (label.contains("DATE") || label.contains("DAY")) {
            return "2026-01-01";
        }
        if (label.contains("ID")) {
            return ID;
        }
        return "x";
    }
}
