package org.yunjian.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A settable clock and an organisation directory over the organisation table. */
@TestConfiguration
public class SecurityTestSupport {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    OrganizationDirectory testOrganizations(JdbcClient jdbc) {
        return new OrganizationDirectory() {
            @Override
            public List<OrganizationRef> all() {
                return jdbc.sql("SELECT id, name FROM organization ORDER BY name")
                        .query((rs, n) -> new OrganizationRef(rs.getObject(1, UUID.class), rs.getString(2)))
                        .list();
            }

            @Override
            public Optional<OrganizationRef> find(UUID id) {
                return all().stream().filter(o -> o.id().equals(id)).findFirst();
            }
        };
    }
}
