package org.yunjian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/**
 * The query and form parameters of REST operations (including the text parts of multipart uploads) pass
 * {@link Text}'s rule for multi-line text, so a NUL or control character in {@code ?note=} is a 400 problem
 * naming the parameter, like one in a JSON body ({@link FreeTextJson}). HTML forms are checked by each module's
 * validation, which shows the error next to the field instead of an error page.
 */
@Component
class FreeTextParameters implements HandlerInterceptor {

    private final TextRules rules;

    FreeTextParameters(TextRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod m
                && AnnotatedElementUtils.hasAnnotation(m.getBeanType(), RestController.class)) {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                String name = Text.safe(p.getKey());
                rules.require(name, p.getKey(), Text.Kind.LINE);
                for (String v : p.getValue()) {
                    rules.require(name, v, Text.Kind.LINES);
                }
            }
        }
        return true;
    }
}
