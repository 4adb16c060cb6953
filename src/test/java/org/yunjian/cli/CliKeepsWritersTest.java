package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command prints to the writer set on its tree even when {@code System.out} changed between building the tree and
 * running it, as embedded Tomcat changes it when another context starts a server: picocli's default strategy set the
 * writer back to the {@code System.out} it saw at build time, and a test's command printed into the JVM's stdout.
 */
@Isolated("swaps System.out")
class CliKeepsWritersTest {

    @Command(name = "say")
    static class Say implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print("hello");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Test
    void everyTreeKeepsItsWriterWhenSystemOutChangesAfterItWasBuilt() {
        assertThat(printedWhileSystemOutChanges(cl -> CliTexts.apply(cl, Set.of(), UnaryOperator.identity())))
                .as("a tree through CliTexts.apply")
                .isEqualTo(new Printed("hello", ""));
        assertThat(printedWhileSystemOutChanges(cl -> cl))
                .as("picocli's default, which the fixture shows failing")
                .isEqualTo(new Printed("", "hello"));
    }

    record Printed(String toWriter, String toSystemOutAtBuild) {}

    private static Printed printedWhileSystemOutChanges(UnaryOperator<CommandLine> prepare) {
        PrintStream original = System.out;
        ByteArrayOutputStream atBuild = new ByteArrayOutputStream();
        ByteArrayOutputStream later = new ByteArrayOutputStream();
        StringWriter writer = new StringWriter();
        try {
            System.setOut(new PrintStream(atBuild, true, StandardCharsets.UTF_8));
            CommandLine cl = prepare.apply(new CommandLine(new Say()));
            cl.setOut(new PrintWriter(writer, true));
            System.setOut(new PrintStream(later, true, StandardCharsets.UTF_8));
            assertThat(cl.execute()).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(later.toString(StandardCharsets.UTF_8)).isEmpty();
        return new Printed(writer.toString(), atBuild.toString(StandardCharsets.UTF_8));
    }
}
