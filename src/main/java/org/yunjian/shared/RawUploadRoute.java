package org.yunjian.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A route that takes a whole document as the raw request body as well as multipart (e.g. the OSCAL SSP import) and
 * reads it with a size limit of its own. A module declares one as a bean; the web layer then treats such a request
 * like a multipart upload: past the general body limit (the route's own limit applies, as multipart keeps its own)
 * and with every refusal audited as {@code upload.refused}. Matched as Spring MVC routes it: on the decoded,
 * normalised path within the application, never on the raw URI.
 *
 */
public final class RawUploadRoute {

    private final String method;
    private final PathPattern pattern;

    /**
     * @param method  the HTTP method, e.g. {@code POST}
     * @param pattern the route's path pattern, as in its {@code @PostMapping}
     */
    public RawUploadRoute(String method, String pattern) {
        this.method = method;
        this.pattern = PathPatternParser.defaultInstance.parse(pattern);
    }

    /** Whether Spring MVC routes {@code request} here. */
    public boolean matches(HttpServletRequest request) {
        return method.equalsIgnoreCase(request.getMethod())
                && pattern.matches(RequestPath.parse(request.getRequestURI(), request.getContextPath())
                        .pathWithinApplication());
    }

    @Override
    public String toString() {
        return method + " " + pattern.getPatternString();
    }
}
