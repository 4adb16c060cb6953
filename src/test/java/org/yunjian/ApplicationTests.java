package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@org.junit.jupiter.api.Tag("database")
class ApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesTheSchema() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single()).isZero();
    }
}
