package org.yunjian.exitproject.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.yunjian.catalog.RequirementId;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.DeletionCertificate;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.shared.Msg;
import org.yunjian.shared.SerialNumbers;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;


/**
 * Builds the deletion certificate from an exit project's records (docs/deletion-certificate.md): the canonical
 * JSON document signed with the platform's SM2 key; {@link CertificatePdf} renders it for people.
 */
@Component
class CertificateBuilder {

    private final CertificateKeys keys;
    private final Parties parties;
    private final CertificatePdf pdf;
    private final SerialNumbers serials;
    private final DeletionRecords records;
    private final ExitClauses clauses;

    CertificateBuilder(CertificateKeys keys, Parties parties, CertificatePdf pdf, SerialNumbers serials,
                       DeletionRecords records, ExitClauses clauses) {
        this.records = records;
        this.clauses = clauses;
        this.serials = serials;
        this.keys = keys;
        this.parties = parties;
        this.pdf = pdf;
    }

    String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /** Signs the certificate of {@code v} under the next number ({@code YJ-DEL-2026-000001}); in the caller's transaction. */
    CertificateInfo issue(ProjectView v, Instant now) {
        UUID certificateId = UUID.randomUUID();
        String number = serials.next(SerialNumbers.CERTIFICATE);
        byte[] file = DeletionCertificate.sign(safe(content(v, certificateId, number, now)), keys.pair().getPrivate(),
                keys.pair().getPublic());
        return new CertificateInfo(v.project().id(), certificateId, number, v.access().user().username(), now,
                new String(file, StandardCharsets.UTF_8), Sm3.hex(file));
    }

    Map<String, Object> content(ProjectView v, UUID certificateId, String number, Instant now) {
        CloudSystem s = v.access().system();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", certificateId.toString());
        c.put("number", number);
        c.put("title", Texts.render(Msg.of("exitproject.cert.title"), Texts.CHINESE) + " "
                + Texts.render(Msg.of("exitproject.cert.title"), Texts.ENGLISH));
        c.put("issuedAt", now.toString());
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("name", v.access().user().username());
        issuer.put("organization", v.access().user().organizationId() == null ? "platform"
                : org(v.access().user().organizationId()));
        c.put("issuer", issuer);
        c.put("project", Map.of("id", v.project().id().toString(), "name", v.project().name()));
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("id", s.id().toString());
        system.put("name", s.name());
        system.put("deploymentModel", s.deploymentModel().name());
        system.put("serviceModel", s.serviceModel().name());
        system.put("protectionLevel", s.protectionLevel());
        c.put("system", system);
        Map<String, Object> partyMap = new LinkedHashMap<>();
        partyMap.put("customer", org(s.customerId()));
        partyMap.put("provider", s.providerId() == null ? null : org(s.providerId()));
        List<Object> agents = new ArrayList<>();
        s.agents().forEach(a -> {
            Map<String, Object> m = org(a.organizationId());
            m.put("role", a.role().name());
            agents.add(m);
        });
        partyMap.put("agents", agents);
        c.put("parties", partyMap);
        List<RequirementId> basis = new ArrayList<>(List.of(ExitClauses.CHECKLIST, ExitClauses.INVENTORY,
                ExitClauses.VERIFICATION, ExitClauses.DELETION, ExitClauses.DATA_LIST));
        if (v.privateCloud()) {
            basis.add(ExitClauses.DEVICES);
        }
        c.put("standards", basis.stream().map(this::cited).toList());
        c.put("scope", v.authorisation().map(a -> a.data().scope()).orElse(null));
        List<Object> checklist = new ArrayList<>();
        v.checklist().forEach(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", i.requirementId() == null ? i.key() : cited(RequirementId.of(i.requirementId())));
            m.put("requirement", i.requirementId());
            m.put("status", i.status().name());
            m.put("note", i.note());
            m.put("by", i.updatedBy());
            m.put("at", i.updatedAt() == null ? null : i.updatedAt().toString());
            checklist.add(m);
        });
        c.put("checklist", checklist);
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("approvedBy", v.project().inventoryApprovedBy());
        approval.put("approvedAt", v.project().inventoryApprovedAt().toString());
        approval.put("providerKey", v.project().providerKeyFingerprint());
        c.put("inventoryApproval", approval);
        c.put("manifests", entries(v.manifests()));
        c.put("inventoryItems", entries(v.items()));
        c.put("verificationRuns", entries(v.verifications()));
        c.put("authorisation", v.authorisation().map(this::entry).orElse(null));
        c.put("deletionPlan", v.plan().map(this::entry).orElse(null));
        c.put("deletion", v.deletion().map(this::entry).orElse(null));
        c.put("sanitisations", entries(v.sanitisations()));
        c.put("deviceDisposals", entries(v.disposals()));
        c.put("storageChecks", entries(v.storageChecks()));
        c.put("countersignature", v.countersigning() == ProjectView.Countersigning.VALID ? countersignature(v) : null);
        return c;
    }

    /**
     * The content with every string (member names too) passed through {@link Text#safe}: a record stored with a
     * character UTF-8 cannot encode (a lone surrogate) or that a document should not carry (NUL, controls,
     * noncharacters) is attested with U+FFFD in its place, before signing, so the certificate is issued and
     * verifies offline (docs/deletion-certificate.md, "Characters").
     */
    @SuppressWarnings("unchecked")
    static <T> T safe(T value) {
        if (value instanceof String s) {
            return (T) Text.safe(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(Text.safe((String) k), safe(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(safe(v)));
            return (T) out;
        }
        return value;
    }

    /**
     * A clause as the signed document names it: {@link ExitClauses#cited} in Chinese, the document's language of
     * record ({@code GB/T 31167 9.1 1.}).
     */
    private String cited(RequirementId id) {
        return clauses.cited(id).text(Texts.CHINESE);
    }

    private Map<String, Object> org(UUID id) {
        return records.org(id);
    }

    private List<Object> entries(List<? extends Entry<?>> list) {
        return records.entries(list);
    }

    private Map<String, Object> entry(Entry<?> e) {
        return records.entry(e);
    }

    /**
     * The provider's countersignature as the certificate carries it: the countersigned record itself, its SM3, the
     * provider's public key (PEM) with its fingerprint as registered, the signing organisation, who uploaded it when,
     * and the signature — so {@code yunjian exit verify-certificate} checks it offline.
     */
    private Map<String, Object> countersignature(ProjectView v) {
        Entry<Records.Countersignature> cs = v.countersignature().orElseThrow();
        Records.CountersignKey key = v.countersignKey().orElseThrow().data();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", org.yunjian.crypto.Sm2.ALGORITHM);
        m.put("userId", org.yunjian.crypto.Sm2.DEFAULT_USER_ID);
        m.put("keyFingerprint", key.fingerprint());
        m.put("publicKey", key.pem());
        m.put("organization", cs.recordedOrg() == null ? null : org(cs.recordedOrg()));
        m.put("signedBy", cs.recordedBy());
        m.put("signedAt", cs.recordedAt().toString());
        m.put("record", org.yunjian.exit.CanonicalJson.parseObject(new String(records.file(v), StandardCharsets.UTF_8)));
        m.put("recordSm3", cs.data().recordSm3());
        m.put("value", cs.data().value());
        return m;
    }

    /** The PDF for people, in the current request's language. */
    byte[] pdf(CertificateInfo info) {
        return pdf.render(info);
    }
}
