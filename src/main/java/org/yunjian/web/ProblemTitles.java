package org.yunjian.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.yunjian.shared.Texts;

/**
 * The title of every problem in the client's language: a problem built with {@code ProblemDetail.forStatus...}
 * carries the status's English reason phrase ("Bad Request", "Method Not Allowed") as its title, next to a detail in
 * Chinese. Replaced here, once, by {@code web.problem.title.<status>}; a title of its own (e.g. "记录已被他人修改")
 * is kept.
 */
@ControllerAdvice
class ProblemTitles implements ResponseBodyAdvice<Object> {

    /** The statuses with a title in the bundles. */
    static final java.util.Set<Integer> TITLED =
            java.util.Set.of(400, 401, 403, 404, 405, 406, 409, 410, 412, 413, 414, 415, 428, 429, 500, 503);

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail p) {
            localise(p);
        }
        return body;
    }

    static void localise(ProblemDetail p) {
        HttpStatus status = HttpStatus.resolve(p.getStatus());
        if (status != null && (p.getTitle() == null || p.getTitle().equals(status.getReasonPhrase()))) {
            if (TITLED.contains(status.value())) {
                p.setTitle(Texts.get("web.problem.title." + status.value()));
            }
        }
    }
}
