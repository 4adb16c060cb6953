package org.yunjian.exitproject.web;

import java.util.Map;

/**
 * The label (message key) of each field the exit project page's forms send, as the forms show it ("" for a field
 * refused otherwise than by a field error). A refused form's field errors head the page, far from the form: each
 * names its section and field from these ({@code templates/web/field-errors.html}).
 */
final class FieldLabels {

    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("item", "exitproject.checklist.item"),
            Map.entry("status", "exitproject.status"),
            Map.entry("note", "exitproject.note"),
            Map.entry("pem", "exitproject.inventory.pem"),
            // an upload form's file (key, manifest, report, storage check): the errors name its section, each form
            // labels the file with an instruction of its own
            Map.entry("file", ""),
            Map.entry("category", "exitproject.item.category"),
            Map.entry("name", "exitproject.item.name"),
            Map.entry("description", "exitproject.item.description"),
            Map.entry("sensitivity", "exitproject.item.sensitivity"),
            Map.entry("covers", "exitproject.item.covers"),
            Map.entry("signatory", "exitproject.authorisation.signatory"),
            Map.entry("reference", "exitproject.authorisation.reference"),
            Map.entry("scope", "exitproject.scope"),
            Map.entry("authorisedOn", "exitproject.authorisation.on"),
            Map.entry("retainUntil", "exitproject.authorisation.retainUntil"),
            Map.entry("method", "exitproject.method"),
            Map.entry("backups", "exitproject.backups"),
            Map.entry("plannedOn", "exitproject.plan.on"),
            Map.entry("deletedOn", "exitproject.deletion.on"),
            Map.entry("operator", "exitproject.operator"),
            Map.entry("witness", "exitproject.witness"),
            Map.entry("result", "exitproject.result"),
            Map.entry("mediumId", "exitproject.media.id"),
            Map.entry("mediumType", "exitproject.media.type"),
            Map.entry("heldSensitive", "exitproject.media.heldSensitive"),
            Map.entry("nextUse", "exitproject.media.nextUse"),
            Map.entry("date", "exitproject.date"),
            Map.entry("deviceId", "exitproject.devices.device"),
            Map.entry("deviceType", "exitproject.devices.type"),
            Map.entry("location", "exitproject.devices.location"),
            Map.entry("state", "exitproject.devices.state"),
            Map.entry("action", "exitproject.devices.action"),
            Map.entry("sanitisation", "exitproject.devices.sanitisation"),
            Map.entry("participants", "exitproject.devices.participants"),
            Map.entry("residualCheck", "exitproject.devices.residual"),
            Map.entry("buckets", "exitproject.deletion.buckets"),
            Map.entry("signature", "exitproject.countersign.signature"),
            // replacing the countersigning key: refused with its own conflict naming the registered key
            Map.entry("replace", ""),
            // a transition's, the approval's and the certificate's confirmation: refused with its own alert
            Map.entry("confirm", ""));

    private FieldLabels() {}
}
