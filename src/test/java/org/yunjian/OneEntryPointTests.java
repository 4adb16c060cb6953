package org.yunjian;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.cli.CliEntry;

/**
 * One entry point into the jar: {@code Application.main} asks its list of {@link CliEntry}s (the server client, the
 * offline exit commands, the API client, the offline restore, help) and starts Spring only when none takes the
 * arguments. No second {@code main}, no command line asked by name from {@code main}, and every command line that runs
 * without Spring ({@code public static int run(String...)}) offers its {@code ENTRY}, which the list holds. The old
 * way (a chain of {@code XCli.handles} / {@code XCli.run} in {@code main}) fails these rules, as the fixtures show.
 */
class OneEntryPointTests {

    static final ArchRule ONE_MAIN = methods()
            .that()
            .haveName("main")
            .and()
            .areStatic()
            .and()
            .haveRawParameterTypes(String[].class)
            .should()
            .beDeclaredIn(Application.class)
            .because("Application.main is the one entry point; a way in without Spring is a CliEntry");

    static final ArchRule MAIN_ASKS_ENTRIES = noClasses()
            .should()
            .callMethodWhere(
                    new DescribedPredicate<JavaMethodCall>(
                            "main asks a command line's run or handles " + "by name instead of through CliEntry") {
                        @Override
                        public boolean test(JavaMethodCall call) {
                            String owner = call.getTargetOwner().getName();
                            return call.getOrigin().getName().equals("main")
                                    && (call.getName().equals("run")
                                            || call.getName().equals("handles"))
                                    && !owner.equals(CliEntry.class.getName())
                                    && !owner.startsWith("org.springframework.");
                        }
                    });

    private static final JavaClasses MAIN = org.yunjian.support.MainClasses.get();

    @Test
    @DisplayName("Application.main is the one entry point and asks the command lines through their CliEntry only")
    void oneEntryPointAsksTheEntries() {
        ONE_MAIN.check(MAIN);
        MAIN_ASKS_ENTRIES.check(MAIN);
    }

    @Test
    @DisplayName("every command line that runs without Spring offers an ENTRY, and Application.main asks it")
    void everyCommandLineWithoutSpringIsAnEntryOfMain() throws ReflectiveOperationException {
        List<JavaClass> commandLines = commandLines(MAIN);
        assertThat(commandLines)
                .extracting(JavaClass::getSimpleName)
                .contains("RemoteCli", "ExitCli", "ApiCli", "BackupCli");
        for (JavaClass c : commandLines) {
            Field entry = c.reflect().getField("ENTRY");
            assertThat(Modifier.isStatic(entry.getModifiers()) && entry.getType() == CliEntry.class)
                    .as(c.getName() + ".ENTRY")
                    .isTrue();
            assertThat(Application.WITHOUT_SPRING)
                    .as("Application.main asks " + c.getName())
                    .contains((CliEntry) entry.get(null));
        }
        assertThat(Application.WITHOUT_SPRING).hasSize(commandLines.size() + 1); // and help
    }

    @Test
    @DisplayName("a second main, a command line asked by name, or one without an ENTRY fails the rules")
    void theOldWayFailsTheRules() {
        JavaClasses oldWay = new ClassFileImporter().importPackages("fixtures.cli");
        assertThatThrownBy(() -> ONE_MAIN.check(oldWay)).hasMessageContaining("OldLauncher.main");
        assertThatThrownBy(() -> MAIN_ASKS_ENTRIES.check(oldWay))
                .hasMessageContaining("FooCli.handles")
                .hasMessageContaining("FooCli.run");
        assertThat(commandLines(oldWay)).extracting(JavaClass::getSimpleName).containsExactly("FooCli");
        assertThatThrownBy(() -> commandLines(oldWay).get(0).reflect().getField("ENTRY"))
                .isInstanceOf(NoSuchFieldException.class);
    }

    /** The classes with a {@code public static int run(String...)}: command lines that run without Spring. */
    static List<JavaClass> commandLines(JavaClasses classes) {
        return classes.stream()
                .filter(c -> c.getMethods().stream().anyMatch(OneEntryPointTests::runsArguments))
                .toList();
    }

    private static boolean runsArguments(JavaMethod m) {
        return m.getName().equals("run")
                && m.getModifiers().contains(JavaModifier.STATIC)
                && m.getModifiers().contains(JavaModifier.PUBLIC)
                && m.getRawParameterTypes().size() == 1
                && m.getRawParameterTypes().get(0).isEquivalentTo(String[].class)
                && m.getRawReturnType().isEquivalentTo(int.class);
    }
}
