package org.yunjian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.Parameters;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads what every later step will read — the URL and every header through the same firewall Spring Security
 * applies, and the parameters through Tomcat's own parser — before anything else does, so that a request that
 * cannot be decoded is refused here, once, as {@link BadRequests} answers it, instead of failing as a 500 wherever
 * the first {@code getParameter} happens (a filter, the locale interceptor, a controller). Tomcat keeps the parsed
 * parameters, so nothing later parses them again. The form body of a PUT, PATCH or DELETE is decoded by Spring's
 * {@code FormContentFilter} further on; its failure comes back here and is refused the same way.
 *
 * <p>A multipart body is not parsed here (that is the upload's business, after authorisation): its query string
 * is decoded with Tomcat's parser on its own. A multipart field read by a later filter (the CSRF token of an
 * upload form) that holds a file name Tomcat refuses, or that is no multipart body at all (no boundary, cut off),
 * comes back here as an exception and is refused as such ({@link UploadFileNames} checks the rest); one over the
 * multipart limits is a 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 110) // after the character encoding and the body limit, before Spring Security
class UnreadableRequestFilter extends OncePerRequestFilter {

    private final BadRequests badRequests;
    private final HttpFirewall firewall;

    UnreadableRequestFilter(BadRequests badRequests, ObjectProvider<HttpFirewall> firewall) {
        this.badRequests = badRequests;
        this.firewall = firewall.getIfAvailable(StrictHttpFirewall::new);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String unreadable = unreadablePart(request);
        if (unreadable != null) {
            badRequests.refuse(request, response, unreadable);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException e) {
            // Spring's FormContentFilter decodes the form body of a PUT, PATCH or DELETE itself (Tomcat parses POST's)
            if (response.isCommitted()) {
                throw e;
            }
            badRequests.refuse(request, response, "the form");
        } catch (InvalidFileNameException | InvalidParameterException e) {
            // Tomcat throws the first time, and keeps throwing it wrapped at every later read
            InvalidFileNameException name = e instanceof InvalidFileNameException n
                    ? n
                    : e.getCause() instanceof InvalidFileNameException n ? n : null;
            if (response.isCommitted()) {
                throw e;
            } else if (name != null) {
                badRequests.refuseFileName(request, response, name.getName());
            } else if (BadRequests.malformedMultipart(e)) {
                badRequests.refuse(request, response, "the multipart body");
            } else if (BadRequests.multipartLimit(e)) {
                badRequests.refuseTooLarge(request, response);
            } else {
                throw e;
            }
        }
    }

    /** The part of the request that cannot be read ("the URL", "header X-…", "the parameters"), or {@code null}. */
    String unreadablePart(HttpServletRequest request) {
        HttpServletRequest checked;
        try {
            checked = firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            return "the URL";
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            if (HttpHeaders.COOKIE.equalsIgnoreCase(name)) {
                continue; // Tomcat reads cookies by its own rules, never as a header; another site's cookie is no error
            }
            try {
                Collections.list(checked.getHeaders(name));
            } catch (RequestRejectedException e) {
                return "header " + name;
            }
        }
        try {
            if (isMultipart(request)) {
                decodeQuery(request.getQueryString());
            } else {
                checked.getParameterMap();
            }
        } catch (InvalidParameterException e) {
            // 400 is a value that does not decode (or too many); 413 a form body over the container's limit
            return BadRequests.undecodable(e) ? "the query or form" : null;
        } catch (RequestRejectedException e) {
            return "a parameter name";
        }
        return null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** Tomcat's query-string parser on its own (it throws {@link InvalidParameterException} as the request would). */
    private static void decodeQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        MessageBytes bytes = MessageBytes.newInstance();
        bytes.setBytes(query.getBytes(StandardCharsets.ISO_8859_1), 0, query.length());
        Parameters parameters = new Parameters();
        parameters.setQueryStringCharset(StandardCharsets.UTF_8);
        parameters.setQuery(bytes);
        parameters.handleQueryParameters();
    }
}
