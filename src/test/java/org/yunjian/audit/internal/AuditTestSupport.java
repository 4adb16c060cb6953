package org.yunjian.audit.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yunjian.cli.CliRunner;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Texts;
import picocli.CommandLine;

/** Starts each test from an empty log and runs the {@code yunjian} CLI inside the test's context. */
final class AuditTestSupport {

    private AuditTestSupport() {}

    record CliResult(int exitCode, String out) {}

    /**
     * A client that can tamper: on PostgreSQL the application role may not change the audit tables (that is
     * the point), so tampering connects as the schema owner Flyway uses; on H2 it is the application's own.
     */
    static JdbcClient tamperer(Environment env, JdbcClient app) {
        String ownerUrl = env.getProperty("spring.flyway.url");
        String owner = env.getProperty("spring.flyway.user");
        if (ownerUrl == null || owner == null) {
            return app;
        }
        DriverManagerDataSource ds =
                new DriverManagerDataSource(ownerUrl, owner, env.getProperty("spring.flyway.password", ""));
        return JdbcClient.create(ds);
    }

    static void emptyLog(JdbcClient jdbc, HeadWitness witness) {
        // a background job of the shared context (the notification deliveries) may append an entry between the
        // statements, leaving it behind a head set back to 0 (the next entry then took its number): empty again
        for (int attempt = 0; attempt < 10; attempt++) {
            jdbc.sql("DELETE FROM audit_event").update();
            jdbc.sql("DELETE FROM audit_anchor").update();
            jdbc.sql("UPDATE audit_head SET last_seq = 0, last_mac = ? WHERE id = 1")
                    .param(Canonical.GENESIS)
                    .update();
            witness.reset();
            if (jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single() == 0) {
                return;
            }
        }
    }

    static void publish(ApplicationEventPublisher events, int count) {
        for (int i = 1; i <= count; i++) {
            events.publishEvent(AuditableEvent.success("thing.update", "thing", "t" + i, "change " + i));
        }
    }

    /** The CLI in English ({@code --lang en}), whatever the OS locale of the machine running the tests. */
    static CliResult cli(CliRunner runner, String... args) {
        return cli(runner, Texts.ENGLISH, args);
    }

    /** The CLI in {@code language}, as {@code --lang} sets it. */
    static CliResult cli(CliRunner runner, Locale language, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = runner.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        LocaleContextHolder.setLocale(language);
        try {
            int code = cl.execute(args);
            return new CliResult(code, out.toString());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
