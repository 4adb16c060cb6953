package org.yunjian.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * One REST problem advice: {@link ProblemAdvice} answers every REST error, a module's refusal being a
 * {@link org.yunjian.shared.ProblemException} that carries its status, type, title and properties. No module declares
 * a problem advice of its own, and no controller handles exceptions itself: the old ways (AssessmentProblems,
 * SubmissionProblems, ResponsibilityProblems, LifecycleProblems, the handlers inside BackupApiController and
 * ImportApi) fail these rules, as the fixtures show.
 */
@org.yunjian.support.RunsBesideTheSuite
class OneProblemAdviceTests {

    private static final String ADVICE = "org.yunjian.web.ProblemAdvice";

    /** REST controller advices (the problems, the version ETag) are the web module's. */
    static final ArchRule ONE_REST_ADVICE = classes()
            .that()
            .areAnnotatedWith(RestControllerAdvice.class)
            .or()
            .areMetaAnnotatedWith(RestControllerAdvice.class)
            .should()
            .resideInAPackage("org.yunjian.web")
            .because("a module's refusal is a ProblemException, answered by web.ProblemAdvice");

    /** Exceptions are handled by the web module's advices (REST problems, error pages, lock contention) only. */
    static final ArchRule HANDLERS_IN_WEB = methods()
            .that()
            .areAnnotatedWith(ExceptionHandler.class)
            .should()
            .beDeclaredInClassesThat()
            .resideInAPackage("org.yunjian.web")
            .because("a controller or module maps no exception itself: a refusal is a ProblemException");

    /** Every problem an exception handler answers comes from the one advice. */
    static final ArchRule PROBLEMS_FROM_ONE_ADVICE = methods()
            .that()
            .areAnnotatedWith(ExceptionHandler.class)
            .and()
            .haveRawReturnType(ProblemDetail.class)
            .should()
            .beDeclaredInClassesThat()
            .haveFullyQualifiedName(ADVICE);

    private static final JavaClasses MAIN = org.yunjian.support.MainClasses.get();

    @Test
    @DisplayName(
            "the web module's ProblemAdvice is the one REST problem advice; no controller handles exceptions itself")
    void oneAdviceAnswersEveryRestError() {
        ONE_REST_ADVICE.check(MAIN);
        HANDLERS_IN_WEB.check(MAIN);
        PROBLEMS_FROM_ONE_ADVICE.check(MAIN);
    }

    @Test
    @DisplayName("a module's own problem advice, or a handler inside a controller, fails the rules")
    void aModuleAdviceOrAControllerHandlerFailsTheRules() {
        JavaClasses oldWays = new ClassFileImporter().importPackages("fixtures.problems");
        assertThatThrownBy(() -> ONE_REST_ADVICE.check(oldWays)).hasMessageContaining("ModuleProblems");
        assertThatThrownBy(() -> HANDLERS_IN_WEB.check(oldWays))
                .hasMessageContaining("ModuleProblems.refused")
                .hasMessageContaining("ControllerWithHandler.failed");
        assertThatThrownBy(() -> PROBLEMS_FROM_ONE_ADVICE.check(oldWays))
                .hasMessageContaining("ModuleProblems.refused")
                .hasMessageContaining("ControllerWithHandler.failed");
    }
}
