package org.yunjian.party.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.PartyRole;

/** Persistence of {@link Invitation}s: the token only as its hash; the single use decided by one atomic update. */
@Repository
public class InvitationRepository {

    private static final String COLUMNS = "id, email, display_name, organization_id, new_org_name, new_org_credit, "
            + "new_org_region, party_role, system_id, engagement_id, inviting_org_id, invited_by, org_admin, created_at, "
            + "expires_at, accepted_at, accepted_username, revoked_at, revoked_by";

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Invitation i, String tokenHash) {
        jdbc.sql("""
                INSERT INTO invitation (%s, token_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""".formatted(COLUMNS))
                .params(
                        i.id(),
                        i.email(),
                        i.displayName(),
                        i.organizationId(),
                        i.newOrgName(),
                        i.newOrgCredit(),
                        i.newOrgRegion(),
                        i.role() == null ? null : i.role().name(),
                        i.systemId(),
                        i.engagementId(),
                        i.invitingOrgId(),
                        i.invitedBy(),
                        i.orgAdmin(),
                        utc(i.createdAt()),
                        utc(i.expiresAt()),
                        null,
                        null,
                        null,
                        null,
                        tokenHash)
                .update();
    }

    Optional<Invitation> findById(UUID id) {
        return jdbc.sql("""
                SELECT %s FROM invitation WHERE id = ?""".formatted(COLUMNS)).param(id).query(this::map).optional();
    }

    Optional<Invitation> findByTokenHash(String hash) {
        return jdbc.sql("""
                SELECT %s FROM invitation WHERE token_hash = ?""".formatted(COLUMNS)).param(hash).query(this::map).optional();
    }

    /** The invitations an organisation made, newest first. */
    List<Invitation> byInvitingOrganization(UUID org) {
        return jdbc.sql("""
                SELECT %s FROM invitation WHERE inviting_org_id = ? ORDER BY created_at DESC""".formatted(COLUMNS)).param(org).query(this::map).list();
    }

    /** Marks the invitation used, if it still is pending at {@code now}: exactly one caller wins. */
    boolean markAccepted(UUID id, String username, Instant now) {
        return jdbc.sql("""
                        UPDATE invitation SET accepted_at = ?, accepted_username = ? WHERE id = ?
                        AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?""").params(utc(now), username, id, utc(now)).update() == 1;
    }

    /** The user name the account got, where the one chosen was taken (same transaction as {@link #markAccepted}). */
    void renameAccepted(UUID id, String username) {
        jdbc.sql("""
                        UPDATE invitation SET accepted_username = ? WHERE id = ?""").params(username, id).update();
    }

    boolean markRevoked(UUID id, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE invitation SET revoked_at = ?, revoked_by = ? WHERE id = ?
                        AND accepted_at IS NULL AND revoked_at IS NULL""").params(utc(now), by, id).update() == 1;
    }

    /** Adds {@code role} to the organisation's roles and the organisation to the engagement in it, if not yet. */
    void joinEngagement(UUID organizationId, UUID engagementId, PartyRole role) {
        if (jdbc.sql("""
                SELECT COUNT(*) FROM organization_role WHERE organization_id = ? AND role = ?""").params(organizationId, role.name()).query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO organization_role (organization_id, role) VALUES (?,?)""").params(organizationId, role.name()).update();
        }
        if (jdbc.sql("""
                SELECT COUNT(*) FROM engagement_participant WHERE engagement_id = ? AND organization_id = ?
                AND role = ?""")
                        .params(engagementId, organizationId, role.name())
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                    INSERT INTO engagement_participant (engagement_id, organization_id, role) VALUES (?,?,?)""").params(engagementId, organizationId, role.name()).update();
            jdbc.sql("""
                    UPDATE engagement SET version = version + 1 WHERE id = ?""").param(engagementId).update();
        }
    }

    private Invitation map(ResultSet rs, int n) throws SQLException {
        String role = rs.getString("party_role");
        return new Invitation(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getObject("organization_id", UUID.class),
                rs.getString("new_org_name"),
                rs.getString("new_org_credit"),
                rs.getString("new_org_region"),
                role == null ? null : PartyRole.valueOf(role),
                rs.getObject("system_id", UUID.class),
                rs.getObject("engagement_id", UUID.class),
                rs.getObject("inviting_org_id", UUID.class),
                rs.getString("invited_by"),
                rs.getBoolean("org_admin"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "accepted_at"),
                rs.getString("accepted_username"),
                instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}
