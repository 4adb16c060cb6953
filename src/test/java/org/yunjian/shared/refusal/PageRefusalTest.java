package org.yunjian.shared.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.version.PreconditionRequiredException;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.version.VersionRefusal;

/** What a page shows for each refusal, under which name: the one mechanism every page controller uses. */
class PageRefusalTest {

    static final StaleVersionException STALE = new StaleVersionException(7, Instant.parse("2026-11-22T07:53:00Z"));

    @Test
    void invalidInputShowsTheFormAgainWithTheFieldErrors() {
        ExtendedModelMap model = new ExtendedModelMap();
        String view = PageRefusal.on(model)
                .attempt(
                        () -> {
                            throw new ValidationException("name", "error.not-found");
                        },
                        () -> {
                            model.addAttribute(
                                    PageRefusal.ERRORS, PageRefusal.none()); // the form helper's empty default
                            return "form";
                        });
        assertThat(view).isEqualTo("form");
        assertThat(model.get("errors"))
                .isEqualTo(Map.of(
                        "name",
                        new ValidationException("name", "error.not-found")
                                .errors()
                                .get("name")));
        assertThat(model).doesNotContainKeys("stale", "conflict", "errorsIn");
    }

    @Test
    void aStaleFormComesBackWithTheTypedInputOverTheVersionStoredNow() {
        ExtendedModelMap model = new ExtendedModelMap();
        List<Long> kept = new ArrayList<>();
        String view = PageRefusal.on(model)
                .keep(e -> kept.add(e.formVersion()))
                .attempt(
                        () -> {
                            throw STALE;
                        },
                        refusal -> "form over version " + refusal.formVersionOr(() -> -1));
        assertThat(view).isEqualTo("form over version 7");
        assertThat(kept).containsExactly(7L);
        assertThat(model.get("stale")).isEqualTo(STALE.formText());
        assertThat(model).doesNotContainKeys("errors", "conflict");
        // a form that named no version: the same alert's place, its own text
        PreconditionRequiredException none = new PreconditionRequiredException();
        PageRefusal.on(model)
                .attempt(
                        () -> {
                            throw none;
                        },
                        () -> "form");
        assertThat(model.get("stale")).isEqualTo(none.formText());
    }

    @Test
    void aOneClickStepSaysItWasNotTaken() {
        ExtendedModelMap model = new ExtendedModelMap();
        PageRefusal.on(model)
                .step(VersionRefusal.Action.APPROVE)
                .attempt(
                        () -> {
                            throw STALE;
                        },
                        () -> "page");
        assertThat(model.get("stale"))
                .isEqualTo(STALE.formText(VersionRefusal.Action.APPROVE))
                .isNotEqualTo(STALE.formText());
    }

    @Test
    void aConflictIsTheErrorPageUnlessThePageShowsItAsAnAlert() {
        ConflictException closed = new ConflictException("assessment-closed", "error.not-found");
        assertThatThrownBy(() -> PageRefusal.on(new ExtendedModelMap())
                        .attempt(
                                () -> {
                                    throw closed;
                                },
                                () -> "page"))
                .isSameAs(closed);

        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(PageRefusal.on(model)
                        .conflicts()
                        .attempt(
                                () -> {
                                    throw closed;
                                },
                                () -> "page"))
                .isEqualTo("page");
        assertThat(model.get("conflict")).isEqualTo(closed.getMessage());

        ExtendedModelMap field = new ExtendedModelMap();
        PageRefusal.on(field)
                .conflictsAs("reviewer")
                .attempt(
                        () -> {
                            throw closed;
                        },
                        () -> "form");
        assertThat(field.get("errors")).isEqualTo(Map.of("reviewer", closed.getMessage()));
    }

    @Test
    void afterARedirectTheRefusalIsFlashedNamingItsForm() {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        String view = PageRefusal.on(flash)
                .in("team")
                .attempt(
                        () -> {
                            throw new ValidationException("reviewer", "error.not-found");
                        },
                        () -> "redirect:/page");
        assertThat(view).isEqualTo("redirect:/page");
        Map<String, Object> flashed = new java.util.HashMap<>(flash.getFlashAttributes());
        assertThat(flashed).containsOnlyKeys("errors", "errorsIn").containsEntry("errorsIn", "team");
        assertThat(flash).isEmpty(); // nothing in the redirect's URL

        RedirectAttributesModelMap alert = new RedirectAttributesModelMap();
        ConflictException closed = new ConflictException("assessment-closed", "error.not-found");
        assertThat(PageRefusal.on(new ExtendedModelMap())
                        .conflicts(alert, () -> "redirect:/page#conflict")
                        .attempt(
                                () -> {
                                    throw closed;
                                },
                                () -> "form"))
                .isEqualTo("redirect:/page#conflict");
        assertThat(alert.getFlashAttributes()).containsOnlyKeys("conflict");
    }

    @Test
    void fieldErrorsOfAOneClickFormAreOneAlert() {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        PageRefusal.on(flash)
                .errorsAsAlert(" · ")
                .attempt(
                        () -> {
                            throw new ValidationException(Map.of("a", org.yunjian.shared.Msg.of("error.not-found")));
                        },
                        () -> "redirect:/page");
        assertThat(flash.getFlashAttributes()).containsOnlyKeys("conflict");
    }

    @Test
    void aSavedStepAnswersItsOwnView() {
        ExtendedModelMap model = new ExtendedModelMap();
        List<String> done = new ArrayList<>();
        assertThat(PageRefusal.on(model).attempt(() -> done.add("saved"), () -> "redirect:/saved", () -> "form"))
                .isEqualTo("redirect:/saved");
        assertThat(done).containsExactly("saved");
        assertThat(model).isEmpty();
    }
}
