package org.yunjian.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yunjian.security.CurrentUser;

/** What every page's shell needs: who is logged in and whether this is a demo installation. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final boolean demo;

    LayoutAdvice(@Value("${yunjian.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.current().orElse(null);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }
}
