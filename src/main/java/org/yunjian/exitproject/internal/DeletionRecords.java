package org.yunjian.exitproject.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.exit.DeletionRecord;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deletion record the provider countersigns ({@link DeletionRecord}): the project and system, the parties, the
 * customer's authorisation, the provider's plan and record of the deletion (scope, methods, dates, buckets), media
 * sanitisation, device disposal and the object-storage checks — each record quoted as stored, as in the certificate.
 * Any new or changed record gives another file, so a countersignature over the old one is void.
 */
@Component
class DeletionRecords {

    private final Parties parties;
    private final JsonMapper json = JsonMapper.builder().build();

    DeletionRecords(Parties parties) {
        this.parties = parties;
    }

    /** The record file (canonical JSON and a line feed) for the project's current records. */
    byte[] file(ProjectView v) {
        return DeletionRecord.write(content(v));
    }

    Map<String, Object> content(ProjectView v) {
        CloudSystem s = v.access().system();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(
                "project",
                Map.of("id", v.project().id().toString(), "name", v.project().name()));
        c.put("system", Map.of("id", s.id().toString(), "name", s.name()));
        Map<String, Object> partyMap = new LinkedHashMap<>();
        partyMap.put("customer", org(s.customerId()));
        partyMap.put("provider", s.providerId() == null ? null : org(s.providerId()));
        c.put("parties", partyMap);
        c.put("authorisation", v.authorisation().map(this::entry).orElse(null));
        c.put("deletionPlan", v.plan().map(this::entry).orElse(null));
        c.put("deletion", v.deletion().map(this::entry).orElse(null));
        c.put(
                "buckets",
                BucketScope.named(v.deletion(), v.authorisation(), v.storageChecks()).stream()
                        .map(Object::toString)
                        .toList());
        c.put("sanitisations", entries(v.sanitisations()));
        c.put("deviceDisposals", entries(v.disposals()));
        c.put("storageChecks", entries(v.storageChecks()));
        return CertificateBuilder.safe(c);
    }

    /** An organisation as the certificate and the record name it: id, name and unified social credit code. */
    Map<String, Object> org(UUID id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        parties.findOrganization(id).ifPresent(o -> {
            m.put("name", o.name());
            m.put("creditCode", o.creditCode().toString());
        });
        return m;
    }

    List<Object> entries(List<? extends Entry<?>> list) {
        return list.stream().<Object>map(this::entry).toList();
    }

    /** A record's data with its id and who recorded it when. */
    @SuppressWarnings("unchecked")
    Map<String, Object> entry(Entry<?> e) {
        Map<String, Object> m = new LinkedHashMap<>(json.convertValue(e.data(), LinkedHashMap.class));
        m.put("recordId", e.id().toString());
        m.put("recordedBy", e.recordedBy());
        m.put("recordedAt", e.recordedAt().toString());
        return m;
    }
}
