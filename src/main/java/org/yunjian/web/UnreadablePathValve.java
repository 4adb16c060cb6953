package org.yunjian.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat refuses a request whose path it cannot decode ({@code /login/%FF}, a lone {@code %}, overlong UTF-8) or
 * whose request line or header it cannot parse with 400 before any application code runs, and without a context
 * its bare English error report would answer. In the host's pipeline, this valve gives such a request the
 * application's context (its root, so no handler runs) with the query string dropped; Tomcat then renders the 400
 * through the application's error page ({@link ErrorPages}: the page with its layout, or a problem on
 * {@code /api/**}), and {@link BadRequests} counts and logs it like every other unreadable request.
 */
class UnreadablePathValve extends ValveBase {

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
                request.getCoyoteRequest().queryString().recycle();
                request.getCoyoteRequest()
                        .decodedURI()
                        .setString("/"); // what the page's relative links resolve against
                // the error page is told this URI: a '%' that starts no escape is written as one, so that it decodes
                String uri = request.getRequestURI();
                request.getCoyoteRequest().requestURI().setString(uri.replaceAll("%(?![0-9A-Fa-f]{2})", "%25"));
                int status = badRequests.getObject().count(request, response, "the path, the request line or a header");
                response.setStatus(status);
            }
        }
        getNext().invoke(request, response);
    }
}
