package org.yunjian.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.yunjian.documents.FontUnavailableException;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.NotFoundException;

/** Error pages for the HTML controllers; REST controllers get problems from {@link ProblemAdvice}. */
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

    @ExceptionHandler(FontUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String noFont(FontUnavailableException e, Model model) {
        model.addAttribute("messageKey", "web.error.font");
        model.addAttribute("detail", e.getMessage());
        return "web/error";
    }
}
