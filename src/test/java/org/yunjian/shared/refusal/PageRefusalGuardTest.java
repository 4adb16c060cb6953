package org.yunjian.shared.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way for a page to refuse a form (issue 37): page controllers run their steps through {@link PageRefusal} and
 * never catch a field error or a version refusal themselves, and the refusal reaches the templates under one name
 * for field errors ({@value PageRefusal#ERRORS}), one for a version refusal ({@value PageRefusal#STALE}) and one for
 * an alert ({@value PageRefusal#CONFLICT}) — not {@code tokenErrors}, {@code reviewError}, {@code sspProblems}…
 * Each rule is checked against a fixture of the old way first, so that it is known to fail.
 */
class PageRefusalGuardTest {

    static final Path MAIN = Path.of("src/main/java");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A catch of a field error or a version refusal: the ladders every page controller used to repeat. */
    static final Pattern CATCH =
            Pattern.compile("catch\\s*\\(([\\w.]+\\s*\\|\\s*)*[\\w.]*\\b(ValidationException|StaleVersionException"
                    + "|PreconditionRequiredException|StaleDuty)\\b");

    /** A catch of a conflict or any other localized refusal, for an alert of the page's own making. */
    static final Pattern CONFLICT_CATCH =
            Pattern.compile("catch\\s*\\(([\\w.]+\\s*\\|\\s*)*[\\w.]*\\b(ConflictException|LocalizedException)\\b");

    /**
     * The one page that answers a refusal with a status of its own: deciding a role request answers 403 (the
     * two-person rule) or 409 (decided meanwhile) with the list again.
     */
    static final Set<String> OWN_STATUS = Set.of("org/yunjian/security/web/UserAdminController.java");

    /** A model or flash attribute a person's refusal could be hidden under. */
    static final Pattern ATTRIBUTE = Pattern.compile("add(?:Flash)?Attribute\\(\"(\\w+)\"");

    /** A variable read by a template expression (not a method or property of another: {@code form.agentErrors}). */
    static final Pattern TEMPLATE_VARIABLE = Pattern.compile("(?<![\\w.'#])([a-zA-Z]\\w*)\\b");

    static final Pattern EXPRESSION = Pattern.compile("[$*]\\{([^}]*)}");

    /** Names that read as a refusal: fooError, fooErrors, fooProblems, refusal, fooStale… */
    static final Pattern REFUSAL_NAME = Pattern.compile("(?i)\\w*(errors?|problems|refusal|refused|stale)");

    /** The one vocabulary, and the reports of a rejected file (rows of a spreadsheet or list, not a form's fields). */
    static final Set<String> ALLOWED = Set.of(PageRefusal.ERRORS, PageRefusal.STALE, "importErrors", "importProblems");

    @Test
    void pageControllersLeaveFieldErrorsAndVersionRefusalsToPageRefusal() throws IOException {
        assertThat(catches("""
                try {
                    service.update(id, ExpectedVersion.ofForm(version), form.toInput());
                } catch (ValidationException e) {
                    return form(model, e.errors());
                } catch (StaleVersionException | PreconditionRequiredException e) {
                    model.addAttribute("stale", e.formText());
                } catch (org.yunjian.shared.FieldErrors.ValidationException | ConflictException e) {
                }
                """)).as("the fixture of the old way").hasSize(3);
        assertThat(catches("""
                return PageRefusal.on(model).attempt(() -> service.create(form), () -> form(model, form));
                } catch (ConflictException e) {
                """)).isEmpty();

        List<String> found = new ArrayList<>();
        for (Path p : pageControllers()) {
            catches(Files.readString(p, StandardCharsets.UTF_8))
                    .forEach(line -> found.add(MAIN.relativize(p) + ": " + line));
        }
        assertThat(found)
                .as("page controllers catching what PageRefusal answers (shared.refusal.PageRefusal)")
                .isEmpty();
    }

    @Test
    void pageControllersLeaveConflictAlertsToPageRefusal() throws IOException {
        assertThat(conflictCatches("""
                } catch (ConflictException e) {
                    flash.addFlashAttribute("conflict", e.getMessage());
                } catch (NotFoundException e) {
                    throw e;
                } catch (org.yunjian.shared.LocalizedException e) {
                } catch (Reviews.SubmissionRefused e) {
                """)).as("the fixture of the old way").hasSize(2);

        List<String> found = new ArrayList<>();
        for (Path p : pageControllers()) {
            String name = MAIN.relativize(p).toString().replace('\\', '/');
            if (!OWN_STATUS.contains(name)) {
                conflictCatches(Files.readString(p, StandardCharsets.UTF_8))
                        .forEach(line -> found.add(name + ": " + line));
            }
        }
        assertThat(found)
                .as("page controllers making their own alert of a conflict (PageRefusal.conflicts / alerts)")
                .isEmpty();
    }

    @Test
    void pagesNameARefusalOneWay() throws IOException {
        assertThat(javaNames("""
                flash.addFlashAttribute("reviewErrors", e.errors());
                model.addAttribute("refusal", e.getMessage());
                model.addAttribute("errors", errors);
                model.addAttribute(PageRefusal.STALE, text);
                """)).containsExactly("reviewErrors", "refusal");
        assertThat(templateNames("""
                <p th:if="${tokenErrors != null}" th:text="${tokenErrors['name']}"></p>
                <span th:each="m : ${form.agentErrors(errors, i)}" th:text="${errors['x'] ?: 'teamError'}"></span>
                """)).containsExactly("tokenErrors");

        List<String> found = new ArrayList<>();
        for (Path p : pageControllers()) {
            javaNames(Files.readString(p, StandardCharsets.UTF_8))
                    .forEach(n -> found.add(MAIN.relativize(p) + ": " + n));
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                templateNames(Files.readString(p, StandardCharsets.UTF_8))
                        .forEach(n -> found.add(TEMPLATES.relativize(p) + ": " + n));
            }
        }
        assertThat(found)
                .as("refusals under another name than errors / stale / conflict (PageRefusal)")
                .isEmpty();
    }

    /** Java files of page controllers: a web package's, or any {@code @Controller} (not a REST controller). */
    static List<Path> pageControllers() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String s = Files.readString(p, StandardCharsets.UTF_8);
                if (p.toString().replace('\\', '/').contains("/web/") || s.contains("@Controller")) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    static List<String> catches(String source) {
        return CATCH.matcher(source).results().map(m -> m.group()).toList();
    }

    static List<String> conflictCatches(String source) {
        return CONFLICT_CATCH.matcher(source).results().map(m -> m.group()).toList();
    }

    static List<String> javaNames(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(source);
        while (m.find()) {
            String name = m.group(1);
            if (REFUSAL_NAME.matcher(name).matches() && !ALLOWED.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    static List<String> templateNames(String html) {
        List<String> out = new ArrayList<>();
        Matcher e = EXPRESSION.matcher(html);
        while (e.find()) {
            String expression = e.group(1).replaceAll("'[^']*'", "''"); // literals name nothing
            Matcher v = TEMPLATE_VARIABLE.matcher(expression);
            while (v.find()) {
                String name = v.group(1);
                if (REFUSAL_NAME.matcher(name).matches() && !ALLOWED.contains(name) && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
