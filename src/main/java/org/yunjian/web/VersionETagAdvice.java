package org.yunjian.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.yunjian.shared.version.Versioned;
import org.yunjian.shared.version.Versions;

/** Every REST response whose body is one {@link Versioned} record carries its version as the {@code ETag}. */
@RestControllerAdvice
class VersionETagAdvice implements ResponseBodyAdvice<Object> {

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
        if (body instanceof Versioned v && response.getHeaders().getETag() == null) {
            response.getHeaders().setETag(Versions.etag(v.version()));
        }
        return body;
    }
}
