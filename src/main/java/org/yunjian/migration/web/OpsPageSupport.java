package org.yunjian.migration.web;

import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.VersionRefusal;

/**
 * How the migration, drill and supervision pages answer a form: back to the page (at the form's section) with a
 * saved note, or with the refusal — the per-field errors next to the form that was sent, with what was typed kept,
 * or the reason a change was refused. A stranger's request stays a 404.
 */
final class OpsPageSupport {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    private OpsPageSupport() {}

    /**
     * Runs {@code action}; {@code form} names the form (its id on the page and its section anchor), {@code input} is
     * what was typed, kept for the form when refused ({@code failedIn}) — also when the record changed since the form
     * was opened, or the form named no version: then the page, read anew, shows the clear refusal ({@code stale})
     * and the form carries the current version, so saving again is deliberate.
     */
    static String change(String page, String form, Object input, RedirectAttributes flash, Supplier<?> action) {
        return change(page, form, input, VersionRefusal::formText, flash, action);
    }

    /**
     * {@link #change(String, String, Object, RedirectAttributes, Supplier)} of a one-click form that typed nothing
     * ({@code step}: marking a task done, reopening it): refused for its version, the alert says the step was not
     * taken and to take it again over the current record.
     */
    static String step(
            String page, String form, VersionRefusal.Action step, RedirectAttributes flash, Supplier<?> action) {
        return change(page, form, null, e -> e.formText(step), flash, action);
    }

    private static String change(
            String page,
            String form,
            Object input,
            java.util.function.Function<VersionRefusal, String> refusal,
            RedirectAttributes flash,
            Supplier<?> action) {
        String back = "redirect:" + page + "#" + form;
        return PageRefusal.on(flash)
                .staleText(refusal)
                .alerts()
                .conflicts(flash, () -> back)
                .attempt(
                        () -> {
                            action.get();
                            flash.addFlashAttribute("saved", Texts.get("lifecycle.ops.page.saved"));
                        },
                        () -> back,
                        () -> {
                            flash.addFlashAttribute("failed", form);
                            flash.addFlashAttribute(form + "In", input);
                            flash.addFlashAttribute("failedIn", input);
                            return back;
                        });
    }

    /** An irreversible step asks first: without the confirmation box ticked, a field error and nothing stored. */
    static void requireConfirmed(Boolean confirm) {
        if (confirm == null || !confirm) {
            throw new ValidationException("confirm", "lifecycle.ops.error.confirm");
        }
    }
}
