package org.yunjian.security.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.cli.CliTexts;
import org.yunjian.cli.remote.Server;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian api METHOD PATH}: a small REST client for pipelines, authenticated with an API token read from an
 * environment variable (never from the command line, where other users of the machine could read it in the process
 * list). It prints the answer's body; a refused call ends with one line naming the problem (the RFC 9457 title and
 * detail) and exit status 1; bad input or an unreachable server exits 2. No Spring and no database: it runs next to
 * the server or anywhere else.
 */
public final class ApiCli {

    public static final String TOKEN_ENV = "YUNJIAN_TOKEN";
    public static final String SERVER_ENV = "YUNJIAN_SERVER";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private ApiCli() {}

    /** The way in from {@code Application.main}: {@code api …}, a REST client of a running server, no Spring. */
    public static final org.yunjian.cli.CliEntry ENTRY =
            org.yunjian.cli.CliEntry.named(java.util.Set.of("api"), args -> {
                org.yunjian.cli.CliEntry.logs(args);
                org.yunjian.cli.remote.RemoteCli.quiet(); // no database, no log
                return run(args);
            });

    public static int run(String... args) {
        return run(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.in,
                System::getenv,
                args);
    }

    /** Runs {@code api …} with the given streams and environment; returns the exit status. */
    public static int run(
            PrintWriter out, PrintWriter err, InputStream stdin, Function<String, String> env, String... args) {
        org.yunjian.cli.CliArgs language = org.yunjian.cli.CliArgs.of(args);
        Locale locale = language.locale();
        java.util.List<String> rest = java.util.List.of(language.rest());
        LocaleContextHolder.setLocale(locale);
        if (rest.isEmpty() || !"api".equals(rest.get(0))) {
            err.println(Texts.get("cli.security.api.expected"));
            return 2;
        }
        CommandLine cl = CliTexts.apply(new CommandLine(new Api(stdin, env, locale)));
        cl.setOut(out);
        cl.setErr(err);
        int status = cl.execute(rest.subList(1, rest.size()).toArray(String[]::new));
        out.flush();
        err.flush();
        return status;
    }

    @Command(name = "api", mixinStandardHelpOptions = true)
    static final class Api extends YunjianCommand {
        private final InputStream stdin;
        private final Function<String, String> env;
        private final Locale locale;

        @Parameters(index = "0", descriptionKey = "cli.security.option.method")
        String method;

        @Parameters(index = "1", descriptionKey = "cli.security.option.path")
        String path;

        @Option(names = "--server", descriptionKey = "cli.security.option.server")
        String server;

        @Option(names = "--token-env", defaultValue = TOKEN_ENV, descriptionKey = "cli.security.option.tokenEnv")
        String tokenEnv;

        @Option(names = "--data", descriptionKey = "cli.security.option.data")
        String data;

        @Option(names = "--timeout", defaultValue = "60", descriptionKey = "cli.security.option.timeout")
        int timeoutSeconds;

        Api(InputStream stdin, Function<String, String> env, Locale locale) {
            this.stdin = stdin;
            this.env = env;
            this.locale = locale;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws InterruptedException {
            String m = method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(m)) {
                return fail("cli.security.api.badMethod", method);
            }
            String base = server != null ? server : env.apply(SERVER_ENV);
            if (base == null || base.isBlank()) {
                return fail("cli.security.api.noServer", SERVER_ENV);
            }
            URI uri;
            try {
                uri = URI.create(base.replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path));
            } catch (IllegalArgumentException e) {
                return fail("cli.security.api.badServer", base);
            }
            if (!"https".equals(uri.getScheme())
                    && !("http".equals(uri.getScheme()) && Server.loopback(uri.getHost()))) {
                // the token would cross the network in clear
                return fail("cli.security.api.notHttps", base);
            }
            String token = env.apply(tokenEnv);
            if (token == null || token.isBlank()) {
                return fail("cli.security.api.noToken", tokenEnv);
            }
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (data != null) {
                byte[] bytes;
                try {
                    bytes = "-".equals(data) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(data));
                } catch (IOException e) {
                    return fail("cli.security.api.unreadableData", data);
                }
                body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .method(m, body)
                    .header("Authorization", "Bearer " + token.strip())
                    .header("Accept", "application/json, application/problem+json")
                    .header("Accept-Language", locale.toLanguageTag());
            if (data != null) {
                request.header("Content-Type", "application/json");
            }
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException e) {
                return fail("cli.security.api.unreachable", uri.getScheme() + "://" + uri.getAuthority());
            } catch (HttpTimeoutException e) {
                return fail("cli.security.api.timeout", timeoutSeconds);
            } catch (IOException e) {
                return fail("cli.security.api.failed", Server.oneLine(String.valueOf(e.getMessage())));
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                if (!response.body().isEmpty()) {
                    out.println(response.body());
                }
                return 0;
            }
            err.println(Texts.get("cli.security.api.refused", status, Server.problem(response.body())));
            return 1;
        }

        /** A failed call: its line from the bundles, 2. */
        @Override
        protected Refusal refusal(Exception e) {
            return Refusal.badInput(
                    Texts.get("cli.security.api.failed", Server.oneLine(String.valueOf(e.getMessage()))));
        }

        private int fail(String key, Object... args) {
            err().println(Texts.get(key, args));
            return 2;
        }
    }
}
