package org.yunjian;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;

/**
 * One base for every command that does work (issue 37): a picocli {@code @Command} that is a {@link Callable} extends
 * {@link YunjianCommand}, which alone implements {@code Callable<Integer>} — so every command has one exit-code contract
 * and one mapping of refusals to messages, and stdout carries only the answer. The old way (a command implementing
 * {@code Callable<Integer>} itself, or a second base of its own) fails these rules, as the fixtures show.
 */
@org.yunjian.support.RunsBesideTheSuite
class OneCliBaseTests {

    static final ArchRule COMMANDS_EXTEND_THE_BASE = classes()
            .that()
            .areAnnotatedWith(Command.class)
            .and()
            .areAssignableTo(Callable.class)
            .should()
            .beAssignableTo(YunjianCommand.class)
            .because("YunjianCommand is the one base of the commands: one exit-code contract, one set of messages");

    static final ArchRule ONLY_THE_BASE_IS_A_CALLABLE = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(YunjianCommand.class.getName())
            .should(implementCallableOfInteger())
            .because("a command extends YunjianCommand instead of implementing Callable<Integer> itself");

    private static final JavaClasses MAIN = org.yunjian.support.MainClasses.get();

    @Test
    @DisplayName("every picocli command that is a Callable extends YunjianCommand, the only Callable<Integer>")
    void everyCommandExtendsTheOneBase() {
        COMMANDS_EXTEND_THE_BASE.check(MAIN);
        ONLY_THE_BASE_IS_A_CALLABLE.check(MAIN);
        // the rules see the commands of every kind: against the database, as a user, a server's client, offline
        assertThat(MAIN.stream()
                        .filter(c -> c.isAnnotatedWith(Command.class) && c.isAssignableTo(YunjianCommand.class))
                        .map(JavaClass::getName))
                .hasSizeGreaterThan(100)
                .contains(
                        "org.yunjian.security.cli.UsersCommand$ListUsers",
                        "org.yunjian.workbench.cli.AssessmentCommands$Report",
                        "org.yunjian.cli.remote.RemoteCli$Login",
                        "org.yunjian.exit.cli.ExitCli$VerifyCommand");
    }

    @Test
    @DisplayName("a command implementing Callable<Integer> itself or through a base of its own fails the rules")
    void theOldWayFailsTheRules() {
        JavaClasses oldWay = new ClassFileImporter().importPackages("fixtures.clibase");
        assertThatThrownBy(() -> COMMANDS_EXTEND_THE_BASE.check(oldWay))
                .hasMessageContaining("fixtures.clibase.StrayCommand")
                .hasMessageContaining("fixtures.clibase.ViaOwnBase")
                .hasMessageNotContaining("OnTheOneBase");
        assertThatThrownBy(() -> ONLY_THE_BASE_IS_A_CALLABLE.check(oldWay))
                .hasMessageContaining("fixtures.clibase.StrayCommand")
                .hasMessageContaining("fixtures.clibase.OwnBase")
                .hasMessageNotContaining("ViaOwnBase")
                .hasMessageNotContaining("OnTheOneBase");
    }

    /** Names {@code Callable<Integer>} (or the raw {@code Callable}) among the interfaces it declares itself. */
    static ArchCondition<JavaClass> implementCallableOfInteger() {
        return new ArchCondition<>("implement Callable<Integer> itself") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                // one event each: satisfied when it does (noClasses() turns that into the violation)
                String callable = c.getInterfaces().stream()
                        .filter(type -> type.toErasure().isEquivalentTo(Callable.class))
                        .filter(type -> !(type instanceof JavaParameterizedType p)
                                || p.getActualTypeArguments().get(0).toErasure().isEquivalentTo(Integer.class))
                        .map(JavaType::getName)
                        .findFirst()
                        .orElse(null);
                events.add(new SimpleConditionEvent(
                        c,
                        callable != null,
                        c.getName() + (callable != null ? " implements " + callable : " does not implement Callable")
                                + " itself"));
            }
        };
    }
}
