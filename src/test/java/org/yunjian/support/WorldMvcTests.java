package org.yunjian.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;

/**
 * The set-up the REST and page tests on the fixture world share: the {@link CommonContext} (the whole application with
 * MockMvc) and the database
 * (tagged "database": H2, and PostgreSQL in the database pass), and a fresh {@link Fixtures.World} (customer,
 * provider, agent, assessor and their system) before each test. A subclass's own {@code @BeforeEach} runs after it, so
 * it may use {@link #w}.
 */
@CommonContext
@Tag("database")
public abstract class WorldMvcTests {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected JdbcClient jdbc;

    protected Fixtures.World w;

    @BeforeEach
    void seedTheWorld() {
        w = fixtures.world();
    }

    /** How many cloud systems are stored (a refused create or change must leave it as it was). */
    protected long systems() {
        return jdbc.sql("SELECT COUNT(*) FROM cloud_system").query(Long.class).single();
    }
}
