package org.yunjian.shared.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one base of every {@code yunjian} command that does work (a picocli {@code @Command} that is a {@link Callable}):
 * {@code OneCliBaseTests} fails the build on a command that implements {@code Callable<Integer>} itself.
 *
 * <p>It exists so that a script sees one contract, whichever module contributed the command and however it runs
 * (against the database, as a named user, against a running server, offline):
 *
 * <ul>
 *   <li><b>stdout carries only the answer</b> — the table, the JSON, the file written — and everything else (a
 *       refusal, a warning, "nothing found") goes to stderr, both flushed when the command ends;
 *   <li><b>one exit-code contract</b>: 0 done, {@value #REFUSED} refused (not found, not allowed, a conflict with the
 *       object's state, an I/O error, any other localized refusal), {@value #BAD_INPUT} bad input (invalid fields, an
 *       unknown user, a malformed argument); a command may give further codes of its own for findings (a verification
 *       that found differences, 3 for an interrupted one);
 *   <li><b>one set of messages</b>: the project's refusals become lines in the command's language from the bundles
 *       ({@code cli.actAs.*}), where each command used to map them its own way, or let them escape as a stack trace.
 * </ul>
 *
 * <p>A command implements {@link #work}; {@link #call} is final and maps what {@code work} throws through
 * {@link #refusal}. A family of commands with a way of its own to run or to fail overrides a hook: {@link #perform}
 * (the {@code --as USERNAME} login of {@code security.ActingCommand} around every run) or {@link #refusal} (the client
 * of a server turns an HTTP problem into its line and status, the offline toolkit names the command that failed). This
 * class refers to nothing of Spring: the offline commands load it and must not load Spring; the default mapping lives
 * in {@link CliRefusals}, loaded only when a command of the application fails.
 */
public abstract class YunjianCommand implements Callable<Integer> {

    /** Exit status of a refusal: not found, not allowed, a conflict, an I/O error. */
    public static final int REFUSED = 1;

    /** Exit status of bad input: invalid fields, an unknown user, a malformed argument. */
    public static final int BAD_INPUT = 2;

    @Spec
    protected CommandSpec spec;

    /**
     * The command's work: the answer to {@code out}, anything else to {@code err}; returns the exit status. A refusal
     * it throws becomes a line on {@code err} and its status (see {@link #refusal}).
     */
    protected abstract int work(PrintWriter out, PrintWriter err) throws Exception;

    /** Runs {@link #work}; a family of commands that sets up every run (a login) does it here. */
    protected int perform(PrintWriter out, PrintWriter err) throws Exception {
        return work(out, err);
    }

    /**
     * What a person reads on stderr when {@code work} threw {@code e}, and the exit status; {@code null} lets the
     * exception through (a bug: picocli prints its stack trace). By default the project's refusals, see
     * {@link CliRefusals}.
     */
    protected Refusal refusal(Exception e) {
        return CliRefusals.of(e);
    }

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        try {
            return perform(out, err);
        } catch (Exception e) {
            Refusal refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            refused.lines().forEach(err::println);
            return refused.status();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Where the answer goes. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where refusals, warnings and notes go. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The lines a refused run prints on stderr, and its exit status. */
    public record Refusal(int status, List<String> lines) {

        public Refusal {
            lines = List.copyOf(lines);
        }

        /** Refused ({@value YunjianCommand#REFUSED}) with these lines. */
        public static Refusal refused(String... lines) {
            return new Refusal(REFUSED, List.of(lines));
        }

        /** Bad input ({@value YunjianCommand#BAD_INPUT}) with these lines. */
        public static Refusal badInput(String... lines) {
            return new Refusal(BAD_INPUT, List.of(lines));
        }
    }
}
