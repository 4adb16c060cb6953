package org.yunjian.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.security.AddressRefusals;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * One answer for a request that cannot be read — a URL, query or form field with a percent sequence that does not
 * decode (as UTF-8), a header value the firewall refuses, a path Tomcat cannot decode, an upload whose file name
 * holds a control character: 400 as the error page for a browser and an RFC 9457 problem on {@code /api/**}, in
 * the user's language, never a 500. No stack trace and no audit entry per request (these are noise, not
 * incidents); instead each one counts against its source address in the address throttle (a flood is answered
 * with 429 and {@code Retry-After}) and is logged at most once per address and minute.
 *
 * <p>The error page is reached by a forward of the request stripped of what could not be read
 * ({@link Unreadable}): a GET without query, parameters or credentials, with only the headers that read cleanly.
 * The container's own error dispatch would hand the error page the original request, whose parameters throw
 * again. Also Spring Security's {@link RequestRejectedHandler}, for what its firewall rejects.
 */
@Component
class BadRequests implements RequestRejectedHandler, HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BadRequests.class);
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final AddressRefusals throttle;
    private final ApplicationEventPublisher events;
    private final OncePerMinute lines;

    BadRequests(AddressRefusals throttle, ApplicationEventPublisher events, Clock clock) {
        this.throttle = throttle;
        this.events = events;
        this.lines = new OncePerMinute(clock, 1_000);
    }

    /** Whether Tomcat refused the parameters because a value does not decode (not a body over its size limit). */
    static boolean undecodable(InvalidParameterException e) {
        return e.getErrorCode() == HttpServletResponse.SC_BAD_REQUEST
                && (e.getCause() == null
                        || e.getCause() instanceof CharConversionException
                        || e.getCause() instanceof CharacterCodingException);
    }

    /**
     * Whether a multipart parse failed because the body is no multipart body (no boundary, cut off, malformed), not
     * because it passed a limit (size, number of parts), which has an answer of its own.
     */
    static boolean malformedMultipart(Throwable e) {
        boolean malformed = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (overMultipartLimit(t)) {
                return false;
            }
            malformed |= t instanceof FileUploadException;
        }
        return malformed;
    }

    /** Whether a multipart parse stopped at a limit (a file's or the request's size, the number of parts). */
    static boolean multipartLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (overMultipartLimit(t) || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    private static boolean overMultipartLimit(Throwable t) {
        return t instanceof SizeException || t instanceof FileCountLimitExceededException;
    }

    /**
     * An upload over the multipart limits: 413 through the error page. Spring answers it with {@code sendError}, whose
     * error dispatch read the parameters again and failed on the same limit (a 500 on the page); nothing is stored.
     */
    void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        forwardToErrorPage(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null);
    }

    /** Refuses a request whose {@code part} (path, query, a header's name) cannot be read: 400, or 429 past the limit. */
    void refuse(HttpServletRequest request, HttpServletResponse response, String part)
            throws IOException, ServletException {
        int status = count(request, response, part);
        forwardToErrorPage(request, response, status, null);
    }

    /** Refuses an upload whose file name breaks {@link Text}'s rule for names: 400 naming the problem, nothing stored. */
    void refuseFileName(HttpServletRequest request, HttpServletResponse response, String fileName)
            throws IOException, ServletException {
        Text.Violation v = Text.violation(fileName, Text.Kind.LINE)
                .orElse(new Text.Violation(Text.Problem.CONTROL, 1, 0)); // Tomcat refused it: it held a NUL
        Msg problem = Msg.of(
                v.problem().messageCode(), Msg.of("web.badRequest.fileNameLabel"), v.position(), v.codePointLabel());
        events.publishEvent(RefusedUploadAuditor.refusal(request, "refused: file name " + v));
        forwardToErrorPage(request, response, 400, Msg.of("web.badRequest.fileName", problem));
    }

    /**
     * The same answers when the first read happens inside Spring MVC: an upload's file name ({@link UploadFileNames}),
     * a parameter or a header value nothing read before. First of the resolvers, so none of them makes it a 500.
     */
    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        try {
            if (ex instanceof UploadFileNames.Refused refused) {
                refuseFileName(request, response, refused.fileName());
            } else if (ex instanceof InvalidFileNameException n) {
                refuseFileName(request, response, n.getName());
            } else if (ex instanceof InvalidParameterException p
                    && p.getCause() instanceof InvalidFileNameException n) {
                refuseFileName(request, response, n.getName());
            } else if ((ex instanceof MultipartException || ex instanceof InvalidParameterException)
                    && multipartLimit(ex)) {
                refuseTooLarge(request, response);
            } else if ((ex instanceof MultipartException || ex instanceof InvalidParameterException)
                    && malformedMultipart(ex)) {
                refuse(request, response, "the multipart body");
            } else if (ex instanceof InvalidParameterException p && undecodable(p)) {
                refuse(request, response, "the query or form");
            } else if (ex instanceof RequestRejectedException) {
                refuse(request, response, "the URL or a header");
            } else {
                return null;
            }
        } catch (IOException | ServletException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * Counts the refusal against the request's address and logs it (once per address and minute); the status to
     * answer: 400, or 429 with {@code Retry-After} (and the page's sentence) while the address is refused.
     */
    int count(HttpServletRequest request, HttpServletResponse response, String part) {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.retryAfter(address);
        if (wait.isEmpty()) {
            throttle.refused(address);
        }
        OncePerMinute.Note note = lines.note(address);
        if (note.skipped() > 0) {
            log.warn(
                    "{} further unreadable requests in the previous minute were not logged (too many addresses)",
                    note.skipped());
        }
        if (note.first()) {
            log.warn(
                    "Refused an unreadable request from {} ({} cannot be decoded): {} {} [at most one line per "
                            + "address and minute]",
                    address,
                    part,
                    request.getMethod(),
                    Text.shorten(Text.safe(request.getRequestURI()), 200));
        }
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            request.setAttribute(ErrorPages.DETAIL, Msg.of("web.badRequest.throttled", seconds));
            return 429;
        }
        request.setAttribute(ErrorPages.DETAIL, Msg.of("web.badRequest.unreadable"));
        return 400;
    }

    /**
     * A request line longer than Tomcat's header buffer, counted like the others: 414 with the page's sentence, or
     * 429 while the address is refused.
     */
    int countTooLong(HttpServletRequest request, HttpServletResponse response) {
        int status = count(request, response, "the request line, longer than the header buffer,");
        if (status == 400) {
            request.setAttribute(ErrorPages.DETAIL, Msg.of("web.badRequest.tooLong"));
            return HttpServletResponse.SC_REQUEST_URI_TOO_LONG;
        }
        return status;
    }

    /** A firewall rejection (a header value read late, a dispatch after the first): refused like the others. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        if (response.isCommitted()) {
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            refuse(request, response, "the URL or a header");
            return;
        }
        // already inside a forward or error dispatch: no second dispatch, the sentence alone
        response.resetBuffer();
        response.setStatus(400);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String sentence = Texts.get("web.badRequest.unreadable");
        if (ErrorPages.isApi(request)) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write(JSON.writeValueAsString(Map.of(
                            "type",
                            "urn:yunjian:problem:bad-request",
                            "title",
                            Texts.get("web.problem.title.400"),
                            "status",
                            400,
                            "detail",
                            sentence)));
        } else {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><p>" + org.springframework.web.util.HtmlUtils.htmlEscape(sentence) + "</p>");
        }
    }

    private static void forwardToErrorPage(
            HttpServletRequest request, HttpServletResponse response, int status, Msg detail)
            throws IOException, ServletException {
        if (detail != null) {
            request.setAttribute(ErrorPages.DETAIL, detail);
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status);
        request.getRequestDispatcher("/error").forward(new Unreadable(request), response);
    }

    /**
     * The request as the error page sees it: a GET without query string, parameters, body or credentials, and
     * with only the headers whose values are printable (the session and language cookies, Accept-Language and
     * Accept choose the page's language and form).
     */
    static final class Unreadable extends HttpServletRequestWrapper {

        Unreadable(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            Enumeration<String> values = getHeaders(name);
            return values.hasMoreElements() ? values.nextElement() : null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!shown(name)) {
                return Collections.emptyEnumeration();
            }
            List<String> values = Collections.list(super.getHeaders(name));
            return values.stream().allMatch(Unreadable::printable)
                    ? Collections.enumeration(values)
                    : Collections.emptyEnumeration();
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> getHeaders(n).hasMoreElements())
                    .toList());
        }

        @Override
        public long getDateHeader(String name) {
            return -1;
        }

        @Override
        public int getIntHeader(String name) {
            return -1;
        }

        private static boolean shown(String name) {
            return !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    && !HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name);
        }

        private static boolean printable(String value) {
            return value != null
                    && value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F)));
        }
    }

    /**
     * At most one log line per address and minute, in bounded memory: the addresses already logged this minute
     * (at most {@code max}); past that, the rest of the minute is counted and summed up in one line.
     */
    static final class OncePerMinute {

        record Note(boolean first, int skipped) {}

        private final Clock clock;
        private final int max;
        private final Set<String> logged = new HashSet<>();
        private long minute = Long.MIN_VALUE;
        private int unlogged;

        OncePerMinute(Clock clock, int max) {
            this.clock = clock;
            this.max = max;
        }

        /** Whether this is the address's first line this minute, and how many went unlogged in the minute before. */
        synchronized Note note(String address) {
            long now = Math.floorDiv(clock.millis(), 60_000L);
            int skipped = 0;
            if (now != minute) {
                skipped = unlogged;
                minute = now;
                logged.clear();
                unlogged = 0;
            }
            if (logged.contains(address)) {
                return new Note(false, skipped);
            }
            if (logged.size() >= max) {
                unlogged++;
                return new Note(false, skipped);
            }
            logged.add(address);
            return new Note(true, skipped);
        }
    }
}
