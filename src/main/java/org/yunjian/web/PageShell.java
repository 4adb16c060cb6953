package org.yunjian.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;

/**
 * What the page shell ({@code web/layout}) shows around every page: who is signed in, by display name, and whether
 * this is a demo installation. {@link LayoutAdvice} puts it in the model of every page; the layout also reads it as
 * {@code @pageShell} where no model attribute ran — an error page rendered by an exception handler (a 404 for an
 * unknown ID, a 400 for a bad filter) — so that page keeps the navigation, the account and the demo banner.
 */
@Component("pageShell")
public class PageShell {

    private final boolean demo;
    private final PeopleNames names;

    PageShell(@Value("${yunjian.demo:false}") boolean demo, PeopleNames names) {
        this.demo = demo;
        this.names = names;
    }

    public CurrentUser user() {
        return CurrentUser.current().orElse(null);
    }

    /** The signed-in person's display name, the user name if the account has none; null when nobody is. */
    public String name() {
        return CurrentUser.current()
                .map(u -> names.displayNames(List.of(u.username())).getOrDefault(u.username(), u.username()))
                .orElse(null);
    }

    public boolean demo() {
        return demo;
    }
}
