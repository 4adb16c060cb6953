package org.yunjian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above {@code yunjian.web.max-body-size} with 413 before anything parses it. A
 * declared {@code Content-Length} above the limit is refused without reading; a body of unknown length
 * (chunked) is read up to the limit and refused as soon as it passes it, so at most the limit is ever
 * held, then handed on from memory. Multipart uploads keep their own limits
 * ({@code spring.servlet.multipart.*}), and so does a document sent as the raw body of a {@link
 * org.yunjian.shared.RawUploadRoute} (its handler reads at most its own limit and refuses more, audited); form
 * posts are parsed by the container, which caps them itself, and are only checked by their declared length here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class BodyLimitFilter extends OncePerRequestFilter {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final long limit;
    private final MessageSource messages;
    private final org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.RawUploadRoute> rawUploads;

    BodyLimitFilter(
            @Value("${yunjian.web.max-body-size:1MB}") DataSize limit,
            MessageSource messages,
            org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.RawUploadRoute> rawUploads) {
        this.limit = limit.toBytes();
        this.messages = messages;
        this.rawUploads = rawUploads;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || (declared <= 0 && !chunked)
                || rawUploads.orderedStream().anyMatch(r -> r.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** The whole stream if it holds at most {@code max} bytes, else {@code null} (having read max + 1). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - total))) > 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = messages.getMessage(
                "web.error.tooLarge",
                new Object[] {org.yunjian.shared.Formats.size(limit)},
                LocaleContextHolder.getLocale());
        String title = messages.getMessage("web.error.tooLarge.title", null, LocaleContextHolder.getLocale());
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
            problem.put("type", "urn:yunjian:problem:too-large");
            problem.put("title", title);
            problem.put("status", 413);
            problem.put("detail", detail);
            problem.put("limit", limit);
            response.getWriter().write(JSON.writeValueAsString(problem));
        } else {
            request.setAttribute(ErrorPages.DETAIL, detail); // the error page, in the user's language
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException(
                            "setReadListener"); // the buffered body is read synchronously
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
            String enc = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), enc));
        }
    }
}
