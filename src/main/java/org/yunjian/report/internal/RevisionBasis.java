package org.yunjian.report.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.report.ReportCorrections;
import org.yunjian.shared.Msg;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The content a revision was rendered from (its {@link ReportData}), kept beside its files so that the next 修订版
 * starts from what was approved — never from the live assessment, whose remediation notes, matrix and risk register
 * move on after approval. Stored as JSON per language, its SM3 in the seal.
 */
@Component
public class RevisionBasis {

    private final JsonMapper json = JsonMapper.builder()
            .addModule(new SimpleModule()
                    .addSerializer(Msg.class, new ValueSerializer<Msg>() {
                        @Override
                        public void serialize(Msg value, JsonGenerator gen, SerializationContext ctxt) {
                            gen.writeString(value.encode());
                        }
                    })
                    .addDeserializer(Msg.class, new ValueDeserializer<Msg>() {
                        @Override
                        public Msg deserialize(JsonParser p, DeserializationContext ctxt) {
                            return Msg.decode(p.getValueAsString());
                        }
                    }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The content as stored. */
    public byte[] freeze(ReportData data) {
        return json.writeValueAsBytes(data);
    }

    /** The content as it was stored. */
    public ReportData thaw(byte[] stored) {
        return json.readValue(stored, ReportData.class);
    }

    /**
     * The previous revision's content with the corrections applied, and what each changed; a correction that names
     * no item of the report, no field, no text or the text the item already says, or repeats another, is refused
     * with its place ({@code corrections[i].item|field|text}).
     */
    public static Corrected correct(ReportData previous, List<ReportCorrections.Correction> corrections) {
        org.yunjian.shared.FieldErrors errors = new org.yunjian.shared.FieldErrors();
        if (corrections == null || corrections.isEmpty()) {
            errors.add("corrections", "record.error.correctionsRequired");
            errors.throwIfAny();
        }
        ReportData d = previous;
        List<ReportCorrections.Change> changes = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 0; n < corrections.size(); n++) {
            ReportCorrections.Correction c = corrections.get(n);
            String at = "corrections[" + n + "].";
            if (c == null
                    || c.item() == null
                    || c.item() < 1
                    || c.item() > d.items().size()) {
                errors.add(at + "item", "record.error.correctionItem", d.items().size());
                continue;
            }
            if (c.field() == null) {
                errors.add(at + "field", "record.error.correctionField");
                continue;
            }
            if (org.yunjian.shared.FieldValues.blank(c.text())) {
                errors.add(at + "text", "record.error.correctionText");
                continue;
            }
            if (c.text().length() > 4000) {
                errors.add(at + "text", "record.error.correctionTooLong", 4000);
                continue;
            }
            if (!seen.add(c.item() + "/" + c.field())) {
                errors.add(
                        at + "field",
                        "record.error.correctionTwice",
                        c.item(),
                        c.field().label());
                continue;
            }
            ReportData.ItemReport item = d.items().get(c.item() - 1);
            String before = c.field().of(item.item());
            String after = c.text().strip();
            if (after.equals(before == null ? null : before.strip())) {
                errors.add(
                        at + "text",
                        "record.error.correctionUnchanged",
                        c.item(),
                        c.field().label());
                continue;
            }
            changes.add(new ReportCorrections.Change(c.item(), item.item().requirementId(), c.field(), before, after));
            d = d.corrected(c.item(), c.field(), after);
        }
        errors.throwIfAny();
        return new Corrected(d, changes);
    }

    /** {@code data} with the changes made (the same corrections in another language's content). */
    public static ReportData apply(ReportData data, List<ReportCorrections.Change> changes) {
        ReportData d = data;
        for (ReportCorrections.Change c : changes) {
            d = d.corrected(c.item(), c.field(), c.after());
        }
        return d;
    }

    /** A revision's content and its changes against the previous one. */
    public record Corrected(ReportData data, List<ReportCorrections.Change> changes) {
        public Corrected {
            changes = List.copyOf(changes);
        }
    }
}
