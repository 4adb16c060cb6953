package org.yunjian.cli.remote;

import static org.yunjian.shared.FieldValues.blank;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.yunjian.cli.CliArgs;
import org.yunjian.cli.CliTexts;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code yunjian} commands that talk to a running server instead of booting the application against its
 * database: {@code login} / {@code logout}, and the business commands ({@code assessment}, {@code lifecycle},
 * {@code responsibility}, {@code catalog}, {@code users}, {@code audit}, {@code backup}) whenever a server is named —
 * {@code --server URL}, the environment variable {@code YUNJIAN_SERVER}, or the login kept by {@code yunjian login}.
 * The token is {@code YUNJIAN_TOKEN}, else the kept one (only for the server it was kept for). No Spring, no
 * database, no log: the answer on stdout, a failure as one line on stderr in the user's language.
 */
public final class RemoteCli {

    /** The command groups that run through the server once one is named. */
    static final Set<String> BUSINESS =
            Set.of("assessment", "lifecycle", "responsibility", "catalog", "users", "audit", "backup");

    /** Session commands, and business commands with no offline form (they only ask a running server). */
    private static final Set<String> SESSION = Set.of("login", "logout", "monitors");

    private RemoteCli() {}

    /**
     * The way in from {@code Application.main}, asked first: login / logout, and the business commands while a server
     * is named — its REST API, no Spring, no database.
     */
    public static final org.yunjian.cli.CliEntry ENTRY = new org.yunjian.cli.CliEntry() {
        @Override
        public boolean takes(String[] args, Function<String, String> env) {
            return handles(args, env);
        }

        @Override
        public int run(String[] args) {
            return RemoteCli.run(args);
        }
    };

    /**
     * Whether {@code args} (their global options last, see {@link CliArgs#globalsLast}) are a command of this client
     * in the environment {@code env}. Loads nothing of Spring or the bundles: the server's own start passes here.
     */
    public static boolean handles(String[] args, Function<String, String> env) {
        if (args.length == 0) {
            return false;
        }
        if (SESSION.contains(args[0])) {
            return true;
        }
        return BUSINESS.contains(args[0])
                && (serverOption(args) != null
                        || !blank(env.apply(Server.SERVER_ENV))
                        || Files.isRegularFile(TokenFile.of(env).path()));
    }

    /**
     * No logging in a client run: Spring's resource loading (the bundles) would start Logback with its default
     * console appender on stdout, and a library's INFO line (ical4j's time zones) would land between the table's
     * rows. Set before the first logger is made.
     */
    public static void quiet() {
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    public static int run(String... args) {
        quiet();
        return run(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.in,
                System.console(),
                System::getenv,
                args);
    }

    /**
     * Runs the command with the given streams, console (null when there is none) and environment, in the language of
     * its {@code --lang} on this thread only (the client runs on one thread; a caller inside another program, such as
     * a test, keeps its own default language), put back as it was when the command ends.
     */
    public static int run(
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            Console console,
            Function<String, String> env,
            String... args) {
        CliArgs language = CliArgs.of(args);
        org.springframework.context.i18n.LocaleContext before =
                org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(language.locale());
        try {
            return run(out, err, in, console, env, language);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocaleContext(before);
        }
    }

    private static int run(
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            Console console,
            Function<String, String> env,
            CliArgs language) {
        String[] rest = language.rest();
        String server = serverOption(rest);
        Remote remote = new Remote(out, err, in, console, env, language.locale(), server);
        String[] command = withoutServer(rest);
        // only the group that runs: picocli reads every command's annotations when the tree is built, and the whole
        // tree (over 100 commands) was the largest part of a client run's CPU (docs/performance.md, issue 61)
        CommandLine root = tree(remote, command.length > 0 ? command[0] : null, asksForHelp(command));
        CommandLine group = command.length > 0 ? root.getSubcommands().get(command[0]) : null;
        if (group != null
                && command.length > 1
                && !command[1].startsWith("-")
                && !group.getSubcommands().isEmpty()
                && !group.getSubcommands().containsKey(command[1])) {
            err.println(Texts.get("cli.remote.notRemote", command[0] + " " + command[1]));
            err.flush();
            return 2;
        }
        root.setOut(out);
        root.setErr(err);
        int status = root.execute(command);
        out.flush();
        err.flush();
        return status;
    }

    static CommandLine tree(Remote remote) {
        return tree(remote, null, true);
    }

    /**
     * The client's command tree with only the command named {@code only} (every command when null), its help texts
     * from the bundles now when {@code withTexts}, else only once a usage is printed (a refused option, a group run
     * alone): a command that just runs reads no bundle for its help (docs/performance.md, issue 61).
     */
    static CommandLine tree(Remote remote, String only, boolean withTexts) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (Call.class.isAssignableFrom(type)) {
                    var made = type.getDeclaredConstructor();
                    made.setAccessible(true);
                    K call = made.newInstance();
                    ((Call) call).remote = remote;
                    return call;
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine root = new CommandLine(new Root(), factory);
        List<Class<?>> all = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(Login.class, Logout.class), RemoteCommands.GROUPS.stream())
                .toList();
        boolean known = only != null && names(all).contains(only); // else the whole tree: picocli names the error
        for (Class<?> command : all) {
            if (!known || only.equals(name(command))) {
                root.addSubcommand(new CommandLine(command, factory));
            }
        }
        if (withTexts) {
            texts(root);
        } else {
            CommandLine.IParameterExceptionHandler refused = root.getParameterExceptionHandler();
            root.setParameterExceptionHandler((e, args) -> {
                texts(root);
                return refused.handleParseException(e, args);
            });
        }
        return root;
    }

    /** Gives every command of the tree its help texts in the run's language (once is enough; again changes nothing). */
    static void texts(CommandLine root) {
        CliTexts.apply(root);
        describe(root);
    }

    /** Whether the command line asks for a usage or the version, which the help texts make. */
    private static boolean asksForHelp(String[] command) {
        return java.util.Arrays.stream(command)
                .anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V"));
    }

    /**
     * A command's description is the bundle key in its annotation, the same key the offline command of that name
     * uses: {@code yunjian assessment list --help} says the same against the server as without one.
     */
    private static void describe(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        String[] given = spec.usageMessage().description();
        if (given.length == 1 && given[0].startsWith("cli.")) {
            spec.usageMessage().description(Texts.get(given[0]));
        }
        command.getSubcommands().values().stream().distinct().forEach(RemoteCli::describe);
    }

    /** The names of the command groups this client runs ({@code assessment}, {@code monitors} …), in help order. */
    public static List<String> groups() {
        return names(RemoteCommands.GROUPS);
    }

    private static List<String> names(List<Class<?>> commands) {
        return commands.stream().map(RemoteCli::name).toList();
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** The value of {@code --server URL} / {@code --server=URL} among {@code args}, or null. */
    static String serverOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--server=")) {
                return args[i].substring("--server=".length());
            }
            if (args[i].equals("--server") && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String[] withoutServer(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--server") && !args[0].equals("login")) {
                i++;
            } else if (!args[i].startsWith("--server=") || args[0].equals("login")) {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    /** What every command of a run shares: its streams, environment, language and the server named on its line. */
    record Remote(
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            Console console,
            Function<String, String> env,
            Locale locale,
            String serverOption) {

        TokenFile file() {
            return TokenFile.of(env);
        }

        /** The server to call with its token; without either a {@link Server.Failure} that says what to do. */
        Server server() {
            TokenFile.Login kept = file().read();
            String address = serverOption != null
                    ? serverOption
                    : !blank(env.apply(Server.SERVER_ENV))
                            ? env.apply(Server.SERVER_ENV)
                            : kept == null ? null : kept.server();
            if (blank(address)) {
                throw Server.input("cli.security.api.noServer", Server.SERVER_ENV);
            }
            URI base = Server.address(address);
            String token = env.apply(Server.TOKEN_ENV);
            if (blank(token) && kept != null && Server.address(kept.server()).equals(base)) {
                // the kept token goes only to the server it was kept for
                token = kept.token();
            }
            if (blank(token)) {
                throw Server.input("cli.remote.noToken", Server.TOKEN_ENV, base);
            }
            return new Server(base, token, locale, Duration.ofSeconds(60));
        }
    }

    /**
     * A command of this client: picocli fills its options, the factory gives it the run's {@link Remote}. A failure is
     * one line: the server's problem in the user's language with its status ({@link Server.Failure}), anything else
     * (an unreadable answer, a file that cannot be written) as a failed call, 2.
     */
    abstract static class Call extends YunjianCommand {
        Remote remote;

        @Override
        protected PrintWriter out() {
            return remote.out();
        }

        @Override
        protected PrintWriter err() {
            return remote.err();
        }

        @Override
        protected Refusal refusal(Exception e) {
            if (e instanceof Server.Failure f) {
                return new Refusal(f.status(), List.of(f.getMessage()));
            }
            return Refusal.badInput(Texts.get("cli.security.api.failed", Server.oneLine(String.valueOf(e))));
        }

        @Override
        protected abstract int work(PrintWriter out, PrintWriter err) throws IOException;
    }

    @Command(name = "yunjian", mixinStandardHelpOptions = true, version = "yunjian 0.1.0")
    static final class Root {}

    /**
     * {@code yunjian login --server URL}: reads an API token (made on the account page) from the terminal without
     * echo, or from stdin when that is no terminal ({@code yunjian login --server … < token.txt}); checks it with the
     * server and keeps both in the owner-only {@link TokenFile}.
     */
    @Command(name = "login", mixinStandardHelpOptions = true, description = "cli.login.description")
    static class Login extends Call {
        @Option(names = "--server", paramLabel = "URL", descriptionKey = "cli.remote.option.server")
        String server;

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            String address = server != null ? server : remote.env().apply(Server.SERVER_ENV);
            if (blank(address)) {
                throw Server.input("cli.security.api.noServer", Server.SERVER_ENV);
            }
            URI base = Server.address(address);
            String token;
            if (remote.console() != null) {
                char[] typed = remote.console().readPassword("%s", Texts.get("cli.login.prompt", base));
                token = typed == null ? "" : new String(typed);
            } else {
                String all = new String(remote.in().readNBytes(4096), StandardCharsets.UTF_8);
                token = all.lines().findFirst().orElse("");
            }
            if (token.isBlank()) {
                throw Server.input("cli.login.noToken");
            }
            var account = new Server(base, token, remote.locale(), Duration.ofSeconds(30)).get("/api/account");
            TokenFile file = remote.file();
            file.write(new TokenFile.Login(base.toString(), token.strip()));
            out.println(
                    Texts.get("cli.login.done", base, account.path("username").asString(), file.path()));
            return 0;
        }
    }

    /** {@code yunjian logout}: removes the kept login (the token stays valid until revoked on the account page). */
    @Command(name = "logout", mixinStandardHelpOptions = true, description = "cli.logout.description")
    static class Logout extends Call {
        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            TokenFile file = remote.file();
            out.println(Texts.get(file.delete() ? "cli.logout.done" : "cli.logout.none", file.path()));
            return 0;
        }
    }
}
