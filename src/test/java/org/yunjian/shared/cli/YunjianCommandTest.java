package org.yunjian.shared.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one exit-code contract of every command: the answer alone on stdout, a refusal as its lines on stderr with 1
 * (refused) or 2 (bad input), and anything that is no refusal left to picocli as the bug it is.
 */
class YunjianCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void english() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Command(name = "probe")
    static final class Probe extends YunjianCommand {
        final Callable<Integer> does;

        Probe(Callable<Integer> does) {
            this.does = does;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws Exception {
            out.print("answer");
            return does.call();
        }
    }

    private int run(Callable<Integer> does) {
        CommandLine cl = new CommandLine(new Probe(does));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute();
    }

    @Test
    void theAnswerGoesToStdoutAndTheStatusIsTheCommands() {
        assertThat(run(() -> 3)).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("answer");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void invalidFieldsAreBadInputOneLineEach() {
        Map<String, Msg> errors = new java.util.LinkedHashMap<>();
        errors.put("name", Msg.of("error.not-found"));
        errors.put("code", Msg.of("error.not-found"));
        assertThat(run(() -> {
                    throw new ValidationException(errors);
                }))
                .isEqualTo(YunjianCommand.BAD_INPUT);
        assertThat(err.toString().lines())
                .containsExactly(
                        "name: What you are looking for does not exist, or you may not see it.",
                        "code: What you are looking for does not exist, or you may not see it.");
        assertThat(out.toString()).isEqualTo("answer");
    }

    @Test
    void refusalsAreOneLineAndRefused() {
        assertThat(run(() -> {
                    throw new NotFoundException("System", "x");
                }))
                .isEqualTo(YunjianCommand.REFUSED);
        assertThat(err.toString().strip()).isEqualTo("What you are looking for does not exist, or you may not see it.");

        err.getBuffer().setLength(0);
        assertThat(run(() -> {
                    throw new ConflictException("in-use", "error.not-found");
                }))
                .isEqualTo(YunjianCommand.REFUSED);
        assertThat(err.toString().strip())
                .isEqualTo("Refused: What you are looking for does not exist, or you may not see it. (in-use)");

        err.getBuffer().setLength(0);
        assertThat(run(() -> {
                    throw new IOException("disk full");
                }))
                .isEqualTo(YunjianCommand.REFUSED);
        assertThat(err.toString().strip()).isEqualTo("I/O error: disk full");
    }

    @Test
    void anythingElseIsABugLeftToPicocli() {
        assertThat(run(() -> {
                    throw new IllegalStateException("bug");
                }))
                .isEqualTo(1);
        assertThat(err.toString()).contains("IllegalStateException", "bug", "\tat ");
    }
}
