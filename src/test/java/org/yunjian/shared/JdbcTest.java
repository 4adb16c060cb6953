package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JdbcTest {

    @Test
    void anInstantWrittenAsUtcReadsBackAsTheSameInstantAndNullStaysNull() throws Exception {
        Instant t = Instant.parse("2026-11-22T07:53:23.147409Z");
        assertThat(Jdbc.utc(t).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(Jdbc.utc(null)).isNull();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:jdbc-test", "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT, at TIMESTAMP(6) WITH TIME ZONE)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                p.setInt(1, 1);
                p.setObject(2, Jdbc.utc(t));
                p.execute();
                p.setInt(1, 2);
                p.setObject(2, Jdbc.utc(null));
                p.execute();
            }
            try (ResultSet rs = s.executeQuery("SELECT at FROM t ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(Jdbc.instant(rs, "at")).isEqualTo(t);
                assertThat(rs.next()).isTrue();
                assertThat(Jdbc.instant(rs, "at")).isNull();
            }
        }
    }

    @Test
    void marksAreOnePlaceholderPerValue() {
        assertThat(Jdbc.marks(1)).isEqualTo("?");
        assertThat(Jdbc.marks(3)).isEqualTo("?,?,?");
        assertThatThrownBy(() -> Jdbc.marks(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
