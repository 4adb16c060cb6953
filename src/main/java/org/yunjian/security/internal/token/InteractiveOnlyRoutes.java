package org.yunjian.security.internal.token;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yunjian.security.InteractiveOnly;

/**
 * The requests an API token is refused because they would reach an {@link InteractiveOnly} handler: built once,
 * at the first request, from the handler mappings themselves — each marked handler's methods and path patterns,
 * parsed by the mapping's own {@link PathPatternParser} — so the rule matches exactly the path Spring MVC routes
 * (percent-decoded, path parameters removed), never the raw request URI, and cannot drift from the routing table.
 * A trailing slash is matched too, so that a token gets a 403 rather than a 404 there.
 */
public final class InteractiveOnlyRoutes implements RequestMatcher {

    private final SingletonSupplier<List<RequestMatcher>> routes;

    public InteractiveOnlyRoutes(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.routes = SingletonSupplier.of(() -> build(mappings));
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        // the path is parsed once for all the routes (each matcher would parse it again), then left as it was
        RequestPath before = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : null;
        if (before == null) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            for (RequestMatcher route : routes.obtain()) {
                if (route.matches(request)) {
                    return true;
                }
            }
            return false;
        } finally {
            if (before == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private static List<RequestMatcher> build(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        List<RequestMatcher> matchers = new ArrayList<>();
        mappings.orderedStream().forEach(mapping -> {
            PathPatternParser parser =
                    mapping.getPatternParser() == null ? PathPatternParser.defaultInstance : mapping.getPatternParser();
            PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withPathPatternParser(parser);
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                    mapping.getHandlerMethods().entrySet()) {
                if (!marked(e.getValue())) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (String pattern : e.getKey().getPatternValues()) {
                    for (String p : pattern.endsWith("/") ? List.of(pattern) : List.of(pattern, pattern + "/")) {
                        if (methods.isEmpty()) {
                            matchers.add(builder.matcher(p));
                        }
                        methods.forEach(m -> matchers.add(builder.matcher(HttpMethod.valueOf(m.name()), p)));
                    }
                }
            }
        });
        if (matchers.isEmpty()) {
            // the account steps are always marked: none found means the mappings were not read, so fail closed
            throw new org.yunjian.shared.LocalizedException("apitoken.error.noInteractiveRoutes");
        }
        return List.copyOf(matchers);
    }

    private static boolean marked(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), InteractiveOnly.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), InteractiveOnly.class);
    }
}
