package org.yunjian.web;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.yunjian.shared.Texts;

/**
 * Chinese first: zh-CN unless the user picks English ({@code ?lang=en}, remembered in a cookie) or, for REST
 * requests without the cookie, {@code Accept-Language} asks for English.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    private final FreeTextParameters freeTextParameters;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.RawUploadRoute> rawUploads;

    WebConfig(
            FreeTextParameters freeTextParameters,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.RawUploadRoute> rawUploads) {
        this.freeTextParameters = freeTextParameters;
        this.events = events;
        this.rawUploads = rawUploads;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("yunjian-lang");
        // no cookie: a REST client's Accept-Language; pages are Chinese until the user picks English
        resolver.setDefaultLocaleFunction(
                request -> ErrorPages.isApi(request) && request.getHeader("Accept-Language") != null
                        ? Texts.supported(request.getLocale())
                        : Texts.CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(false); // a cookie that names no locale (yunjian-lang=%FF) was a 500: ignored
        return resolver;
    }

    /** The request's language from the start of the filter chain: after Spring's request context, before security. */
    @Bean
    FilterRegistrationBean<RequestLanguageFilter> requestLanguageFilter() {
        var filter = new FilterRegistrationBean<>(new RequestLanguageFilter(localeResolver()));
        filter.setOrder(org.springframework.boot.servlet.filter.OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104);
        return filter;
    }

    /**
     * No resource URL encoding of links. Spring Boot registers {@link ResourceUrlEncodingFilter} because the WebJars
     * locator enables the resource chain; it makes every {@code @{…}} link in a template probe the class path for a
     * static file of that name (about 1 ms per link in the packaged jar, misses not cached — docs/performance.md,
     * "Responsibility matrices"). Nothing here needs links rewritten: the WebJars path stays version-free in the
     * page and the resource chain resolves it when the browser asks for it.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var off = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    /**
     * A path Tomcat cannot decode is refused before the application sees it; {@link UnreadablePathValve} hands that
     * 400 to the application's error page and to {@link BadRequests}.
     */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
                    org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            unreadablePaths(org.springframework.beans.factory.ObjectProvider<BadRequests> badRequests) {
        return factory -> factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new UnreadablePathValve(badRequests)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true); // ?lang=../.. was a 500: the page stays in its language
        registry.addInterceptor(interceptor);
        registry.addInterceptor(freeTextParameters);
        // issue 10: refused uploads are audited; issue 33: raw-body uploads too
        registry.addInterceptor(
                new RefusedUploadAuditor(events, rawUploads.orderedStream().toList()));
    }
}
