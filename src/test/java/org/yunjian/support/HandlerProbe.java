package org.yunjian.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes which probed requests reached a handler, and stops them there (nothing behind the handler runs): a request
 * carrying {@link #HEADER} is answered 299 right before its handler, which {@link #REACHED} records under the header's
 * value. Requests without the header pass untouched, so the context it is imported into serves every other test as
 * before: {@code security.ApiTokenPathRuleTests} uses it, and {@code security.ApiTokenTests} and
 * {@code web.NginxTlsProxyTests} import it too, so that the three share one context (docs/testing.md).
 */
@TestConfiguration
public class HandlerProbe implements WebMvcConfigurer {

    /** A request carrying this header is stopped right before its handler, which is noted as reached. */
    public static final String HEADER = "X-Test-Probe";

    /** The handler each probe reached, by the probe header's value. */
    public static final Map<String, String> REACHED = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String probe = request.getHeader(HEADER);
                // an error dispatch (a refusal rendered by the error page) is not the request reaching a handler
                if (probe == null || request.getDispatcherType() != DispatcherType.REQUEST) {
                    return true;
                }
                REACHED.put(probe, handler.toString());
                response.setStatus(299);
                return false;
            }
        });
    }
}
