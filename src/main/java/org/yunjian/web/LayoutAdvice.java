package org.yunjian.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;

/** What every page's shell needs: who is logged in and whether this is a demo installation. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final boolean demo;
    private final PeopleNames names;

    LayoutAdvice(@Value("${yunjian.demo:false}") boolean demo, PeopleNames names) {
        this.demo = demo;
        this.names = names;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.current().orElse(null);
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
                return CurrentUser.current().map(u -> names.displayNames(java.util.List.of(u.username()))
                        .getOrDefault(u.username(), u.username())).orElse(null);
            }
        };
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }
}
