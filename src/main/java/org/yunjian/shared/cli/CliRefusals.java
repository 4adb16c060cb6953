package org.yunjian.shared.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand.Refusal;

/**
 * The project's refusals as the lines of a command (in its language, from the {@code cli.actAs.*} texts) and its exit
 * status: invalid fields → one line per field, {@value YunjianCommand#BAD_INPUT}; a conflict, a denied access, an I/O
 * error or any other localized refusal (not found, forbidden …) → one line, {@value YunjianCommand#REFUSED}; anything
 * else is no refusal but a bug ({@code null}). Apart from {@link YunjianCommand} since it loads Spring's types.
 */
final class CliRefusals {

    private CliRefusals() {}

    static Refusal of(Exception e) {
        if (e instanceof ValidationException invalid) {
            List<String> lines = new ArrayList<>();
            invalid.errors().forEach((field, message) -> lines.add(Texts.get("cli.actAs.invalid", field, message)));
            return Refusal.badInput(lines.toArray(String[]::new));
        }
        if (e instanceof ConflictException conflict) {
            return Refusal.refused(Texts.get("cli.actAs.conflict", conflict.getMessage(), conflict.code()));
        }
        if (e instanceof AccessDeniedException) {
            return Refusal.refused(Texts.get("cli.actAs.denied"));
        }
        if (e instanceof IOException io) {
            return Refusal.refused(Texts.get("cli.actAs.io", io.getMessage()));
        }
        if (e instanceof LocalizedException refused) {
            return Refusal.refused(refused.getMessage());
        }
        return null;
    }
}
