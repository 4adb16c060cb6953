package org.yunjian.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;
import org.yunjian.security.CurrentUser;

/** What every page's shell needs ({@link PageShell}): who is logged in and whether this is a demo installation. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final PageShell shell;

    LayoutAdvice(PageShell shell) {
        this.shell = shell;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return shell.user();
    }

    /**
     * The signed-in person as they are called (the display name), the user name if the account has none. Looked up
     * only when a template shows it: this advice also runs for every REST call (a {@code @RestController} is a
     * {@code @Controller}), where the query was a tenth of a small request's CPU (docs/performance.md).
     */
    @ModelAttribute("currentUserName")
    LazyContextVariable<String> currentUserName() {
        return new LazyContextVariable<>() {
            @Override
            protected String loadValue() {
                return shell.name();
            }
        };
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return shell.demo();
    }
}
