package org.yunjian.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat refuses a request whose path it cannot decode ({@code /login/%FF}, a lone {@code %}, overlong UTF-8) or
 * whose request line or header it cannot parse with 400 before any application code runs, and without a context
 * its bare English error report would answer. In the host's pipeline, this valve gives such a request the
 * application's context (its root, so no handler runs) with the query string dropped; Tomcat then renders the 400
 * through the application's error page ({@link ErrorPages}: the page with its layout, or a problem on
 * {@code /api/**}), and {@link BadRequests} counts and logs it like every other unreadable request.
 *
 * <p>A request line longer than the header buffer ({@code server.max-http-request-header-size}, 8 KB) has no URI
 * at all: Tomcat stopped reading it before its end, and before the headers (so the page is in the platform's
 * language). It is answered 414 (issue 56: it was a 500 with a stack trace, this valve reading the missing URI);
 * whether it was a REST call is read from the beginning of the line in Tomcat's input buffer.
 */
class UnreadablePathValve extends ValveBase {

    /** Tomcat's message for a request line or header over the buffer, in the language Tomcat writes it in. */
    private static final String TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    /** How much of a cut-off request line's path is kept, for the log and the choice of page or problem. */
    private static final int SHOWN = 200;

    private final ObjectProvider<BadRequests> badRequests;

    UnreadablePathValve(ObjectProvider<BadRequests> badRequests) {
        super(true);
        this.badRequests = badRequests;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null && response.isError() && response.getStatus() == 400) {
            MessageBytes root = MessageBytes.newInstance();
            root.setString("/");
            request.getMappingData().recycle();
            request.getConnector()
                    .getService()
                    .getMapper()
                    .map(request.getCoyoteRequest().serverName(), root, null, request.getMappingData());
            if (request.getContext() != null) {
                String uri = request.getRequestURI();
                boolean cutOff = uri == null;
                if (cutOff) {
                    uri = pathStart(request);
                    if (request.getCoyoteRequest().getMethod() == null) {
                        request.getCoyoteRequest().setMethod("GET"); // the method itself was cut off
                    }
                }
                request.getCoyoteRequest().queryString().recycle();
                request.getCoyoteRequest()
                        .decodedURI()
                        .setString("/"); // what the page's relative links resolve against
                // the error page is told this URI: a '%' that starts no escape is written as one, so that it decodes
                request.getCoyoteRequest().requestURI().setString(uri.replaceAll("%(?![0-9A-Fa-f]{2})", "%25"));
                boolean tooLong = cutOff && tooLarge(request);
                int status = tooLong
                        ? badRequests.getObject().countTooLong(request, response)
                        : badRequests.getObject().count(request, response, "the path, the request line or a header");
                response.setStatus(status);
            }
        }
        getNext().invoke(request, response);
    }

    /** Whether Tomcat stopped reading because the request line did not fit into its buffer. */
    private static boolean tooLarge(Request request) {
        return request.getCoyoteRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION)
                        instanceof IllegalArgumentException e
                && TOO_LARGE.equals(e.getMessage());
    }

    /**
     * The path at the start of a request line Tomcat could not read to its end, as far as it is plain ASCII and at
     * most {@value #SHOWN} characters, without its query; {@code /} when nothing of it can be read.
     */
    static String pathStart(Request request) {
        if (!(request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler buffered)
                || buffered.getByteBuffer() == null) {
            return "/";
        }
        ByteBuffer b = buffered.getByteBuffer().duplicate();
        byte[] line = new byte[Math.min(b.limit(), 16 * 1024)];
        b.position(0);
        b.get(line);
        return pathStart(new String(line, StandardCharsets.ISO_8859_1));
    }

    /** The path of a (cut-off) request line such as {@code GET /api/systems?q=…}: see {@link #pathStart(Request)}. */
    static String pathStart(String line) {
        String rest = line.stripLeading();
        int space = rest.indexOf(' ');
        if (space < 0) {
            return "/";
        }
        rest = rest.substring(space + 1);
        int end = 0;
        while (end < rest.length() && end < SHOWN) {
            char c = rest.charAt(end);
            if (c <= ' ' || c > '~' || c == '?' || c == '#') {
                break;
            }
            end++;
        }
        return end > 0 && rest.charAt(0) == '/' ? rest.substring(0, end) : "/";
    }
}
