package org.yunjian.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.party.EmailAddresses;
import org.yunjian.party.PersonEmail;
import org.yunjian.support.OlderSchema;
import org.yunjian.support.TestDatabases;

/**
 * The upgrade that gives the e-mail address to the person (issue 61): a database whose addresses the obligations
 * calendar kept ({@code lifecycle_reminder_address}, {@code lifecycle_reminder_address_pending}) is migrated, and the
 * confirmed address and the one waiting for its link are the person's, read through {@link EmailAddresses}
 * (H2 and, in the PostgreSQL pass, PostgreSQL).
 */
@SpringBootTest
@Tag("database")
class EmailAddressMigrationTests {

    static final UUID CONFIRMED = UUID.randomUUID();
    static final UUID WAITING = UUID.randomUUID();

    @DynamicPropertySource
    static void databaseOfAnOlderVersion(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabases.Database db = TestDatabases.freshDatabase("email_address_move", registry);
        OlderSchema.migrateToJustBefore(
                "202612200200",
                db.url(),
                db.owner(),
                db.ownerPassword(),
                PrivateNotesMigrations.with(db.dataDir().resolve("keys")));
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp later = Timestamp.from(Instant.now().plusSeconds(3600));
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_reminder_address (user_id, email, set_at) VALUES (?,?,?)",
                    CONFIRMED,
                    "zhang.san@example.gov.cn",
                    now);
            OlderSchema.exec(
                    c,
                    "INSERT INTO lifecycle_reminder_address_pending (user_id, email, token_hash, requested_at, expires_at)"
                            + " VALUES (?,?,?,?,?)",
                    WAITING,
                    "li.si@example.gov.cn",
                    "0".repeat(64),
                    now,
                    later);
        }
    }

    @Autowired
    EmailAddresses addresses;

    @Test
    void theAddressesTheCalendarKeptAreThePersonsAfterTheUpgrade() {
        assertThat(addresses.of(CONFIRMED)).contains("zhang.san@example.gov.cn");
        PersonEmail waiting = addresses.stateOf(WAITING);
        assertThat(waiting.confirmed()).isNull();
        assertThat(waiting.pending()).isEqualTo("li.si@example.gov.cn");
        assertThat(addresses.allConfirmed())
                .anySatisfy(e -> {
                    assertThat(e.getKey()).isEqualTo(CONFIRMED);
                    assertThat(e.getValue()).isEqualTo("zhang.san@example.gov.cn");
                })
                .noneSatisfy(e -> assertThat(e.getKey()).isEqualTo(WAITING));
    }
}
