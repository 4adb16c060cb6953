package org.yunjian.web;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.util.List;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.discoverer.SpringDocParameterNameDiscoverer;
import org.springdoc.core.extractor.MethodParameterPojoExtractor;
import org.springdoc.core.service.GenericParameterService;
import org.springdoc.core.service.RequestBodyService;
import org.springdoc.core.utils.SchemaUtils;
import org.springdoc.webmvc.core.service.RequestService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;

/**
 * The OpenAPI document ({@code /v3/api-docs}) without Hibernate Validator on the class path (issue 37: the jar no
 * longer carries it). springdoc 3.1.1 copies bean-validation constraints of each REST parameter into the document
 * ({@code AbstractRequestService.applyBeanValidatorAnnotations}), and the {@code SchemaUtils} it calls names
 * Hibernate Validator's {@code @Range} class directly: without that jar every parameter with any annotation
 * ({@code @RequestParam}, {@code @PathVariable}) failed the document with {@code NoClassDefFoundError}. Yunjian
 * declares no bean-validation constraint (checks live in the domain types; {@code JarCarriesNoDeadWeightTest} keeps
 * it so), so there is nothing to copy: a parameter keeps what its {@code @Parameter} and signature say, and one
 * marked not-null is still required, as springdoc does. springdoc's own bean backs off ({@code @ConditionalOnMissingBean}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // as springdoc: not for the CLI
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class ApiDocsConfig {

    @Bean
    RequestService requestBuilder(
            GenericParameterService parameters,
            RequestBodyService bodies,
            SpringDocCustomizers customizers,
            SpringDocParameterNameDiscoverer names,
            MethodParameterPojoExtractor pojos) {
        return new RequestService(parameters, bodies, customizers, names, pojos) {
            @Override
            public void applyBeanValidatorAnnotations(
                    MethodParameter methodParameter,
                    Parameter parameter,
                    List<Annotation> annotations,
                    boolean isOptional,
                    String openapiVersion) {
                if (annotations != null && SchemaUtils.annotatedNotNull(annotations) && !isOptional) {
                    parameter.setRequired(true);
                }
            }
        };
    }
}
