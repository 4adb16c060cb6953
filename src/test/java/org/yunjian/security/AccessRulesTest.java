package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every controller method of the application declares who may call it. */
@org.yunjian.support.CommonContext
class AccessRulesTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyHandlerMethodCarriesPreAuthorize() {
        Map<String, RequestMappingHandlerMapping> mappings = context.getBeansOfType(RequestMappingHandlerMapping.class);
        List<HandlerMethod> handlers = mappings.values().stream()
                .flatMap(m -> m.getHandlerMethods().values().stream())
                .filter(h -> h.getBeanType().getName().startsWith("org.yunjian."))
                .distinct()
                .toList();
        assertThat(handlers).as("handler methods found").isNotEmpty();
        List<String> unguarded = handlers.stream()
                .filter(h -> !AnnotatedElementUtils.hasAnnotation(h.getMethod(), PreAuthorize.class)
                        && !AnnotatedElementUtils.hasAnnotation(h.getBeanType(), PreAuthorize.class))
                .map(h -> h.getBeanType().getName() + "#" + h.getMethod().getName())
                .sorted()
                .toList();
        assertThat(unguarded).as("controller methods without @PreAuthorize").isEmpty();
    }
}
