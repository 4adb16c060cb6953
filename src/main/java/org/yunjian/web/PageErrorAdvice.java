package org.yunjian.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.yunjian.documents.FontUnavailableException;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * Error pages for the HTML controllers; REST controllers get problems from {@link ProblemAdvice}, and whatever
 * reaches the container's error page (unknown URL, refused method, 403 from the filters) is answered by
 * {@link ErrorPages}.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("messageKey", "web.error.notfound");
        return "web/error";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("messageKey", "web.error.conflict");
        model.addAttribute("detail", e.getMessage());
        return "web/error";
    }

    /**
     * An update posted without the version its form was opened on (a form from before versions, a script), reaching
     * no page that caught it: the last resort. Every page form that names a version runs through
     * {@code shared.refusal.PageRefusal}, which answers it together with a stale version ({@code VersionRefusal}, ADR
     * 011) with the form again, the alert and the typed input; a page controller that runs a step without it still
     * answers 428 here, never silently.
     */
    @ExceptionHandler(org.yunjian.shared.version.PreconditionRequiredException.class)
    @ResponseStatus(HttpStatus.PRECONDITION_REQUIRED)
    String versionMissing(org.yunjian.shared.version.PreconditionRequiredException e, Model model) {
        model.addAttribute("messageKey", "web.error.conflict");
        model.addAttribute("detail", e.getMessage());
        return "web/error";
    }

    /** A change the caller's part may not make, with the reason (as REST answers it with a 403 problem). */
    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ForbiddenException e, Model model) {
        model.addAttribute("messageKey", "web.error.forbidden");
        model.addAttribute("detail", e.getMessage());
        return "web/error";
    }

    /** A filter or form value no page handled itself (e.g. {@code /dashboard?level=9}): every problem named. */
    @ExceptionHandler(ValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(ValidationException e, Model model) {
        model.addAttribute("messageKey", "web.error.status.400");
        model.addAttribute(PageRefusal.ERRORS, e.errors());
        return "web/error";
    }

    /** A parameter of the wrong type: a path ID that is no UUID, a number that is none. */
    @ExceptionHandler(TypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String mismatch(TypeMismatchException e, Model model) {
        model.addAttribute("messageKey", "web.error.status.400");
        model.addAttribute("detail", Texts.get("web.problem.invalidParameter", e.getPropertyName()));
        return "web/error";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String missing(MissingServletRequestParameterException e, Model model) {
        model.addAttribute("messageKey", "web.error.status.400");
        model.addAttribute("detail", Texts.get("web.problem.missingParameter", e.getParameterName()));
        return "web/error";
    }

    @ExceptionHandler(FontUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String noFont(FontUnavailableException e, Model model) {
        model.addAttribute("messageKey", "web.error.font");
        model.addAttribute("detail", e.getMessage());
        return "web/error";
    }
}
