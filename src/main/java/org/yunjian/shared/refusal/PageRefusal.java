package org.yunjian.shared.refusal;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.PreconditionRequiredException;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.shared.version.VersionRefusal;

/**
 * The one way a page controller refuses a form (issue 37). A step runs through {@link #attempt}; a refusal puts its
 * text under one of three model attributes and shows the page again:
 * <ul>
 *   <li>invalid input ({@link ValidationException}) → {@value #ERRORS}: field → text, shown by
 *       {@code web/field-errors} next to the fields or heading the page, the typed input kept;</li>
 *   <li>a stale version or none ({@link StaleVersionException}, {@link PreconditionRequiredException}, or any other
 *       {@link VersionRefusal}: a batch's stale row) → {@value #STALE}: the 409 text of {@code web/locking ::
 *       stale}, the typed input kept and the form naming the version now ({@link #keep});</li>
 *   <li>a conflict of state ({@link ConflictException}, only where the page asks for it with
 *       {@link #conflicts()}; any refusal but a 404 with {@link #alerts()}) → {@value #CONFLICT}: an alert; elsewhere
 *       it reaches the error page (409, 403…).</li>
 * </ul>
 * Given {@link RedirectAttributes} the texts are flash attributes, for a page shown again after a redirect. Where a
 * page holds several forms, {@link #in(String)} names the refused one under {@value #ERRORS_IN}.
 * {@code PageRefusalGuardTest} fails on a page controller that catches these exceptions itself.
 */
public final class PageRefusal {

    /** Field → text of a refused form: the only model attribute for field errors. */
    public static final String ERRORS = "errors";
    /** Which of a page's forms {@value #ERRORS} belong to, where it holds several. */
    public static final String ERRORS_IN = "errorsIn";
    /** The text over a form refused for its version (409 or 428), the typed input kept. */
    public static final String STALE = "stale";
    /** The alert of a step the record's state refused. */
    public static final String CONFLICT = "conflict";

    private final Model model;
    private Function<VersionRefusal, String> staleText = VersionRefusal::formText;
    private Consumer<VersionRefusal> keep = e -> {};
    private boolean conflicts;
    private boolean alerts;
    private Model conflictModel;
    private Supplier<String> conflictPage;
    private String form;
    private String alertJoin;
    private String conflictField;
    private UnaryOperator<Map<String, String>> fields = UnaryOperator.identity();

    private PageRefusal(Model model) {
        this.model = model;
    }

    /** Refusals into {@code model}; flash attributes when it is a {@link RedirectAttributes}. */
    public static PageRefusal on(Model model) {
        return new PageRefusal(model);
    }

    /** A form that typed nothing and takes one step: the stale text says the step was not taken. */
    public PageRefusal step(VersionRefusal.Action action) {
        return staleText(action == null ? VersionRefusal::formText : e -> e.formText(action));
    }

    /** The text over the page after a version refusal, where it is neither of {@link #step}'s. */
    public PageRefusal staleText(Function<VersionRefusal, String> text) {
        this.staleText = text;
        return this;
    }

    /** Before the form is shown again after a version refusal: e.g. the form names the version stored now. */
    public PageRefusal keep(Consumer<VersionRefusal> beforeAgain) {
        this.keep = beforeAgain;
        return this;
    }

    /** A {@link ConflictException} (other than a stale version) is an alert over the page, not the error page. */
    public PageRefusal conflicts() {
        this.conflicts = true;
        return this;
    }

    /**
     * Any other refusal the step gives in the reader's language ({@link LocalizedException}: a conflict, a rule that
     * forbids it, an unreadable file) is an alert as a conflict is ({@link #conflicts()}); a record not found is still
     * a 404.
     */
    public PageRefusal alerts() {
        this.alerts = true;
        this.conflicts = true;
        return this;
    }

    /**
     * A {@link ConflictException} is an alert over the page {@code page} shows (a redirect: the alert is flashed),
     * where field errors and version refusals show the form again in place.
     */
    public PageRefusal conflicts(RedirectAttributes flash, Supplier<String> page) {
        this.conflicts = true;
        this.conflictModel = flash;
        this.conflictPage = page;
        return this;
    }

    /**
     * Field errors as one alert under {@value #CONFLICT} ({@code joiner} between the texts), for a one-click form
     * whose fields the page does not show again.
     */
    public PageRefusal errorsAsAlert(String joiner) {
        this.alertJoin = joiner;
        return this;
    }

    /**
     * A {@link ConflictException} (other than a stale version) is the field error of {@code field}, shown next to it
     * (one person in two roles, next to the role chosen twice).
     */
    public PageRefusal conflictsAs(String field) {
        this.conflicts = true;
        this.conflictField = field;
        return this;
    }

    /** The refused form's name on a page of several ({@value #ERRORS_IN}). */
    public PageRefusal in(String formName) {
        this.form = formName;
        return this;
    }

    /** The form's own field names for the errors a service named otherwise (a row of a table, a nested input). */
    public PageRefusal fields(UnaryOperator<Map<String, String>> rename) {
        this.fields = rename;
        return this;
    }

    /**
     * Runs {@code step}; on a refusal puts its text into the model and answers {@code again} (the form with the typed
     * input, or a redirect to the page showing it).
     */
    public String attempt(Supplier<String> step, Supplier<String> again) {
        return attempt(step, refusal -> again.get());
    }

    /**
     * {@link #attempt(Supplier, Supplier)} where the form shown again needs the version refusal (the version stored
     * now, {@link VersionRefusal#formVersionOr}); {@code again} gets {@code null} for any other refusal.
     */
    public String attempt(Supplier<String> step, Function<VersionRefusal, String> again) {
        try {
            return step.get();
        } catch (ValidationException e) {
            if (alertJoin != null) {
                return refused(
                        CONFLICT,
                        String.join(alertJoin, fields.apply(e.errors()).values()),
                        () -> again.apply(null));
            }
            return refused(ERRORS, fields.apply(e.errors()), () -> again.apply(null));
        } catch (PreconditionRequiredException e) {
            return stale(e, again);
        } catch (ConflictException e) {
            if (e instanceof VersionRefusal stale) { // a stale version, of the record or of one of a batch
                return stale(stale, again);
            }
            if (!conflicts) {
                throw e;
            }
            return alert(e, again);
        } catch (NotFoundException e) {
            throw e;
        } catch (LocalizedException e) {
            if (!alerts) {
                throw e;
            }
            return alert(e, again);
        }
    }

    private String alert(LocalizedException e, Function<VersionRefusal, String> again) {
        if (conflictField != null) {
            return refused(ERRORS, Map.of(conflictField, e.getMessage()), () -> again.apply(null));
        }
        if (conflictPage != null) {
            String view = conflictPage.get();
            put(conflictModel, CONFLICT, e.getMessage());
            return view;
        }
        return refused(CONFLICT, e.getMessage(), () -> again.apply(null));
    }

    /**
     * {@link #attempt} for a step that answers nothing of its own: {@code done} after it (still inside the attempt),
     * {@code again} refused.
     */
    public String attempt(Runnable step, Supplier<String> done, Supplier<String> again) {
        return attempt(
                () -> {
                    step.run();
                    return done.get();
                },
                again);
    }

    /** {@link #attempt(Runnable, Supplier, Supplier)} with the version refusal for the form shown again. */
    public String attempt(Runnable step, Supplier<String> done, Function<VersionRefusal, String> again) {
        return attempt(
                () -> {
                    step.run();
                    return done.get();
                },
                again);
    }

    /**
     * For a page that shows what a query found, refused or not (a filter, a search): {@code step} fills the model;
     * refused, {@code empty} fills it with nothing found and the refusal is shown over it.
     */
    public void fill(Runnable step, Runnable empty) {
        attempt(step, () -> null, () -> {
            empty.run();
            return null;
        });
    }

    private String stale(VersionRefusal e, Function<VersionRefusal, String> again) {
        keep.accept(e);
        return refused(STALE, staleText.apply(e), () -> again.apply(e));
    }

    private String refused(String name, Object text, Supplier<String> again) {
        String view = again.get();
        put(name, text);
        if (form != null) {
            put(ERRORS_IN, form);
        }
        return view;
    }

    private void put(String name, Object value) {
        put(model, name, value);
    }

    private static void put(Model model, String name, Object value) {
        if (model instanceof RedirectAttributes flash) {
            flash.addFlashAttribute(name, value);
        } else {
            model.addAttribute(name, value);
        }
    }

    /**
     * Runs {@code step} after the input's own checks ({@code read}: what could not be read), so that one refusal
     * names every problem at once: the unreadable fields first, then what the rules refuse.
     */
    public static void after(FieldErrors read, Runnable step) {
        try {
            step.run();
        } catch (ValidationException e) {
            e.messages().forEach(read::add);
        }
        read.throwIfAny();
    }

    /**
     * The answer of a check that may name field errors without refusing the page (a preview): {@code step}'s answer,
     * or {@code null} after {@code refused} got the errors.
     */
    public static <T> T checked(Supplier<T> step, Consumer<Map<String, String>> refused) {
        try {
            return step.get();
        } catch (ValidationException e) {
            refused.accept(e.errors());
            return null;
        }
    }

    /** No field errors yet: what a form shown for the first time carries under {@value #ERRORS}. */
    public static Map<String, String> none() {
        return Map.of();
    }
}
