package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One role vocabulary and one deployment model (issue 37 point 2): {@code catalog.PartyRole} is the only enum of
 * the parties' roles and {@code catalog.DeploymentModel} the only enum of deployment models, and no enum of ours is
 * turned into another by its constant's name ({@code X.valueOf(y.name())}), the bridge two copies of one vocabulary
 * need. Each rule is also run on a fixture that breaks it, so that it is seen to fail.
 */
@org.yunjian.support.RunsBesideTheSuite
class OneVocabularyTests {

    static final Path MAIN = Path.of("src/main/java");
    static final Set<String> ROLE_MARKERS = Set.of("CUSTOMER", "PROVIDER", "THIRD_PARTY_ASSESSOR");
    static final Set<String> MODEL_MARKERS = Set.of("PRIVATE", "PUBLIC");
    static final JavaClasses MAIN_CLASSES = org.yunjian.support.MainClasses.get();

    @Test
    void partyRoleIsTheOneRoleVocabulary() {
        assertThat(enumsNaming(MAIN_CLASSES, ROLE_MARKERS)).containsExactly("org.yunjian.catalog.PartyRole");
    }

    @Test
    void deploymentModelIsTheOneDeploymentModel() {
        assertThat(enumsNaming(MAIN_CLASSES, MODEL_MARKERS)).containsExactly("org.yunjian.catalog.DeploymentModel");
    }

    @Test
    void noEnumOfOursIsConvertedToAnotherByName() throws IOException {
        assertThat(nameBridges(MAIN, ourEnums(MAIN_CLASSES))).isEmpty();
    }

    @Test
    void theRulesFailOnACopiedVocabulary() {
        JavaClasses withCopies = new ClassFileImporter().importPackages("org.yunjian.catalog", "fixtures.vocabulary");
        assertThat(enumsNaming(withCopies, ROLE_MARKERS))
                .contains("fixtures.vocabulary.CopiedRole")
                .hasSize(2);
        assertThat(enumsNaming(withCopies, MODEL_MARKERS))
                .contains("fixtures.vocabulary.CopiedModel")
                .hasSize(2);
        assertThat(bridges(
                        "return PartyRole.valueOf(role.name());\n"
                                + "DeploymentModel m = DeploymentModel.valueOf(system.deploymentModel().name());\n"
                                + "return DeploymentModel.named(m == null ? null : m.name()).orElse(null);\n"
                                + "HttpMethod.valueOf(m.name());",
                        Set.of("PartyRole", "DeploymentModel")))
                .containsExactly(
                        "PartyRole.valueOf(role.name())",
                        "DeploymentModel.valueOf(system.deploymentModel().name())",
                        "DeploymentModel.named(m == null ? null : m.name())");
    }

    /** The enums among {@code classes} that hold every one of {@code markers}, by name. */
    static List<String> enumsNaming(JavaClasses classes, Set<String> markers) {
        return classes.stream()
                .filter(JavaClass::isEnum)
                .filter(c -> c.getEnumConstants().stream()
                        .map(e -> e.name())
                        .collect(Collectors.toSet())
                        .containsAll(markers))
                .map(JavaClass::getName)
                .sorted()
                .toList();
    }

    static Set<String> ourEnums(JavaClasses classes) {
        return classes.stream()
                .filter(JavaClass::isEnum)
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());
    }

    /** Every {@code E.valueOf(x.name())} or {@code E.named(x.name())} of one of {@code enums} in main code. */
    static List<String> nameBridges(Path root, Set<String> enums) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                bridges(Files.readString(f), enums).forEach(b -> out.add(root.relativize(f) + ": " + b));
            }
        }
        return out;
    }

    static List<String> bridges(String source, Set<String> enums) {
        Pattern bridge = Pattern.compile("\\b(\\w+)\\s*\\.\\s*(?:valueOf|named)\\([^;{}]*?\\.name\\(\\)\\s*\\)");
        List<String> out = new ArrayList<>();
        Matcher m = bridge.matcher(source);
        while (m.find()) {
            if (enums.contains(m.group(1))) {
                out.add(m.group());
            }
        }
        return out;
    }
}
