package org.yunjian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The request's language for the filters too, chosen as the pages and controllers choose it ({@link
 * WebConfig#localeResolver}: the language cookie, a REST client's {@code Accept-Language}, else Chinese). Without
 * it the problems written by filters (401 before login, a refused or unknown API token, the login throttle) followed
 * the request's locale, which without {@code Accept-Language} is the server's operating-system locale: English on a
 * server set to {@code C} or {@code en_US}, next to Chinese answers from the controllers.
 */
class RequestLanguageFilter extends OncePerRequestFilter {

    private final LocaleResolver resolver;

    RequestLanguageFilter(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(resolver.resolveLocale(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }
}
