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
import org.yunjian.shared.SerialNumberRepository;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import org.yunjian.shared.keys.PlatformSigningKey;

/**
 * Builds the deletion certificate from an exit project's records (docs/deletion-certificate.md): the canonical
 * JSON document signed with the platform's SM2 key; {@link CertificatePdf} renders it for people.
 */
@Component
class CertificateBuilder {

    private final PlatformSigningKey keys;
    private final Parties parties;
    private final CertificatePdf pdf;
    private final SerialNumberRepository serials;
    private final DeletionRecords records;
    private final ExitClauses clauses;

    CertificateBuilder(
            PlatformSigningKey keys,
            Parties parties,
            CertificatePdf pdf,
            SerialNumberRepository serials,
            DeletionRecords records,
            ExitClauses clauses) {
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
        String number = serials.next(SerialNumberRepository.CERTIFICATE);
        byte[] file = safe(certificate(v, certificateId, number, now))
                .sign(keys.pair().getPrivate(), keys.pair().getPublic());
        return new CertificateInfo(
                v.project().id(),
                certificateId,
                number,
                v.access().user().username(),
                now,
                new String(file, StandardCharsets.UTF_8),
                Sm3.hex(file));
    }

    DeletionCertificate certificate(ProjectView v, UUID certificateId, String number, Instant now) {
        CloudSystem s = v.access().system();
        String title = Texts.render(Msg.of("exitproject.cert.title"), Texts.CHINESE) + " "
                + Texts.render(Msg.of("exitproject.cert.title"), Texts.ENGLISH);
        UUID issuerOrg = v.access().user().organizationId();
        DeletionCertificate.Issuer issuer =
                new DeletionCertificate.Issuer(v.access().user().username(), issuerOrg == null ? null : org(issuerOrg));
        DeletionCertificate.SystemFacts system = new DeletionCertificate.SystemFacts(
                s.id().toString(),
                s.name(),
                s.deploymentModel().name(),
                s.serviceModel().name(),
                s.protectionLevel());
        List<DeletionCertificate.Agent> agents = s.agents().stream()
                .map(a -> {
                    DeletionCertificate.Organization o = org(a.organizationId());
                    return new DeletionCertificate.Agent(
                            o.id(), o.name(), o.creditCode(), a.role().name());
                })
                .toList();
        DeletionCertificate.Parties parties = new DeletionCertificate.Parties(
                org(s.customerId()), s.providerId() == null ? null : org(s.providerId()), agents);
        List<RequirementId> basis = new ArrayList<>(List.of(
                ExitClauses.CHECKLIST,
                ExitClauses.INVENTORY,
                ExitClauses.VERIFICATION,
                ExitClauses.DELETION,
                ExitClauses.DATA_LIST));
        if (v.privateCloud()) {
            basis.add(ExitClauses.DEVICES);
        }
        List<DeletionCertificate.ChecklistLine> checklist = v.checklist().stream()
                .map(i -> new DeletionCertificate.ChecklistLine(
                        i.requirementId() == null ? i.key() : cited(RequirementId.of(i.requirementId())),
                        i.requirementId(),
                        i.status().name(),
                        i.note(),
                        i.updatedBy(),
                        i.updatedAt() == null ? null : i.updatedAt().toString()))
                .toList();
        DeletionCertificate.InventoryApproval approval = new DeletionCertificate.InventoryApproval(
                v.project().inventoryApprovedBy(),
                v.project().inventoryApprovedAt().toString(),
                v.project().providerKeyFingerprint());
        return new DeletionCertificate(
                certificateId.toString(),
                number,
                title,
                now.toString(),
                issuer,
                new DeletionCertificate.Project(
                        v.project().id().toString(), v.project().name()),
                system,
                parties,
                basis.stream().map(this::cited).toList(),
                v.authorisation().map(a -> a.data().scope()).orElse(null),
                checklist,
                approval,
                quote(DeletionCertificate.Manifest.class, v.manifests()),
                quote(DeletionCertificate.Item.class, v.items()),
                quote(DeletionCertificate.VerificationRun.class, v.verifications()),
                v.authorisation()
                        .map(e -> quote(DeletionCertificate.Authorisation.class, e))
                        .orElse(null),
                v.plan()
                        .map(e -> quote(DeletionCertificate.DeletionPlan.class, e))
                        .orElse(null),
                v.deletion()
                        .map(e -> quote(DeletionCertificate.Deletion.class, e))
                        .orElse(null),
                quote(DeletionCertificate.Sanitisation.class, v.sanitisations()),
                quote(DeletionCertificate.DeviceDisposal.class, v.disposals()),
                quote(DeletionCertificate.StorageCheck.class, v.storageChecks()),
                v.countersigning() == ProjectView.Countersigning.VALID ? countersignature(v) : null);
    }

    /**
     * The certificate with every string passed through {@link Text#safe} ({@link #safe(Object)}), before signing.
     */
    static DeletionCertificate safe(DeletionCertificate c) {
        return DeletionCertificate.fromJson(safe(c.json()));
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

    private DeletionCertificate.Organization org(UUID id) {
        Map<String, Object> m = records.org(id);
        return new DeletionCertificate.Organization(
                (String) m.get("id"), (String) m.get("name"), (String) m.get("creditCode"));
    }

    /** Evidence records quoted as stored ({@link DeletionRecords#entry}), as the certificate's entries. */
    private <R extends Record> List<R> quote(Class<R> type, List<? extends Entry<?>> list) {
        return list.stream().map(e -> quote(type, e)).toList();
    }

    private <R extends Record> R quote(Class<R> type, Entry<?> e) {
        return DeletionCertificate.quote(type, records.entry(e));
    }

    /**
     * The provider's countersignature as the certificate carries it: the countersigned record itself, its SM3, the
     * provider's public key (PEM) with its fingerprint as registered, the signing organisation, who uploaded it when,
     * and the signature — so {@code yunjian exit verify-certificate} checks it offline.
     */
    private DeletionCertificate.Countersignature countersignature(ProjectView v) {
        Entry<Records.Countersignature> cs = v.countersignature().orElseThrow();
        Records.CountersignKey key = v.countersignKey().orElseThrow().data();
        return new DeletionCertificate.Countersignature(
                org.yunjian.crypto.Sm2.ALGORITHM,
                org.yunjian.crypto.Sm2.DEFAULT_USER_ID,
                key.fingerprint(),
                key.pem(),
                cs.recordedOrg() == null ? null : org(cs.recordedOrg()),
                cs.recordedBy(),
                cs.recordedAt().toString(),
                org.yunjian.exit.CanonicalJson.parseObject(new String(records.file(v), StandardCharsets.UTF_8)),
                cs.data().recordSm3(),
                cs.data().value());
    }

    /** The PDF for people, in the current request's language. */
    byte[] pdf(CertificateInfo info) {
        return pdf.render(info);
    }
}
