package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.Role;

/** The OpenAPI document and Swagger UI: behind login in production (postgres profile), open in dev and demo. */
class ApiDocsAccessTests {

    static UsernamePasswordAuthenticationToken loggedIn() {
        return UsernamePasswordAuthenticationToken.authenticated(
                "docs-reader-" + UUID.randomUUID(), null, List.of(new SimpleGrantedAuthority(Role.USER.authority())));
    }

    @Test
    void theProductionProfileClosesTheApiDocs() throws Exception {
        List<PropertySource<?>> docs =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        PropertySource<?> postgres = docs.stream()
                .filter(d -> "postgres".equals(d.getProperty("spring.config.activate.on-profile")))
                .findFirst()
                .orElseThrow();
        assertThat(postgres.getProperty("yunjian.security.public-api-docs")).hasToString("false");
        PropertySource<?> base = docs.get(0);
        assertThat(base.getProperty("yunjian.security.public-api-docs")).hasToString("true");
    }

    @Nested
    @SpringBootTest(properties = "yunjian.security.public-api-docs=false")
    @AutoConfigureMockMvc
    class Closed {
        @Autowired
        MockMvc mvc;

        @Test
        void anonymousCallersAreSentToLogInForTheApiDocs() throws Exception {
            for (String path :
                    List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html", "/swagger-ui.html")) {
                // 401 for an API client, the login page for a browser
                int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
                assertThat(status).as(path).isIn(302, 401);
                status = mvc.perform(get(path).accept("text/html"))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status).as(path).isIn(302, 401);
            }
            mvc.perform(get("/v3/api-docs").with(authentication(loggedIn()))).andExpect(status().isOk());
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    // the suite's common context (the party fixtures too), not one of its own (docs/performance.md, "CI time")
    @org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
    class Open {
        @Autowired
        MockMvc mvc;

        @Test
        void inDevelopmentTheApiDocsNeedNoLogin() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
        }
    }
}
