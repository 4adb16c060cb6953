package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module map is enforced, not described: every module declares the modules it may use
 * ({@code allowedDependencies} in its package-info), and Spring Modulith's verification fails the build when a module
 * uses one it did not declare, reaches into another's {@code internal} package, or closes a cycle.
 */
@org.yunjian.support.RunsBesideTheSuite
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    @DisplayName("the modules use only what they declare, reach into no other module's internals and form no cycle")
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    @DisplayName("every module declares in its package-info what it may use (an undeclared list would allow anything)")
    void everyModuleDeclaresWhatItMayUse() {
        List<String> undeclared = MODULES.stream()
                .filter(module ->
                        !declaresItsDependencies(module.getBasePackage().getName()))
                .map(module -> module.getIdentifier().toString())
                .sorted()
                .toList();
        assertThat(undeclared).as("modules without allowedDependencies").isEmpty();
    }

    @Test
    @DisplayName("the check fails when a module uses one it did not declare, and passes once it is declared")
    void aModuleUsingOneItDidNotDeclareFailsTheCheck() {
        // two modules, billing using customers' API type; the fixtures are test classes, so import them too
        var undeclared = ApplicationModules.of("fixtures.modulith.undeclared", everything());
        assertThat(undeclared.detectViolations().getMessages())
                .singleElement()
                .asString()
                .contains("billing", "customers", "Invoice");

        var declared = ApplicationModules.of("fixtures.modulith.declared", everything());
        assertThat(declared.detectViolations().getMessages()).isEmpty();
    }

    static boolean declaresItsDependencies(String basePackage) {
        try {
            ApplicationModule module =
                    Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            return module != null && !List.of(module.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static ImportOption everything() {
        return location -> true;
    }
}
