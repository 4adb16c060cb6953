package org.yunjian.shared;

import java.util.Objects;

/**
 * A security-relevant action that happened, published by the module that did it. The audit
 * module records it synchronously, inside the publisher's transaction, adding the acting user,
 * organisation, source address and time from the current request or CLI context.
 *
 * @param action     verb such as {@code organization.create}, {@code user.login}, {@code system.export}
 * @param objectType kind of object acted on, e.g. {@code organization}
 * @param objectId   its identifier, or {@code null}
 * @param outcome    success, failure or denial
 * @param detail     short detail (never secrets): an {@link Msg#encode() encoded message} people read in their own
 *                   language (legacy entries: plain text), or {@code null}
 * @param actor      who acted when there is no authenticated user yet (a login attempt), else {@code null}
 */
public record AuditableEvent(
        String action, String objectType, String objectId, Outcome outcome, String detail, String actor) {

    public AuditableEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditableEvent success(String action, String objectType, Object objectId, String detail) {
        return new AuditableEvent(
                action, objectType, objectId == null ? null : objectId.toString(), Outcome.SUCCESS, detail, null);
    }

    public static AuditableEvent failure(String action, String objectType, Object objectId, String detail) {
        return new AuditableEvent(
                action, objectType, objectId == null ? null : objectId.toString(), Outcome.FAILURE, detail, null);
    }

    public static AuditableEvent denied(String action, String objectType, Object objectId, String detail) {
        return new AuditableEvent(
                action, objectType, objectId == null ? null : objectId.toString(), Outcome.DENIED, detail, null);
    }

    /** With a detail people read in their own language: stored encoded, rendered by the audit pages and CLI. */
    public static AuditableEvent success(String action, String objectType, Object objectId, Msg detail) {
        return success(action, objectType, objectId, detail.encode());
    }

    public static AuditableEvent failure(String action, String objectType, Object objectId, Msg detail) {
        return failure(action, objectType, objectId, detail.encode());
    }

    public static AuditableEvent denied(String action, String objectType, Object objectId, Msg detail) {
        return denied(action, objectType, objectId, detail.encode());
    }

    public AuditableEvent withActor(String actor) {
        return new AuditableEvent(action, objectType, objectId, outcome, detail, actor);
    }

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }
}
