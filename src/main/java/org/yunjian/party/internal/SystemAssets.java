package org.yunjian.party.internal;

import static org.yunjian.shared.FieldValues.nullIfBlank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.AssetImportance;
import org.yunjian.party.AssetType;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.SystemAsset;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * A cloud system's 测评对象 list. Whoever sees the system sees its assets; whoever may edit the system (its customer's
 * users, a system administrator) edits them — a refusal is a 403 and audited. Every change names the list's version
 * (409 when it moved on) except adding one asset, and every change is audited with what changed.
 */
@Service
public class SystemAssets {

    public static final int MAX_ASSETS = 200;
    public static final int NAME_MAX = 200;
    public static final int VERSION_MAX = 100;
    public static final int NOTE_MAX = 1000;

    private final AssetRepository assets;
    private final SystemService systems;
    private final Validation validation;
    private final ApplicationEventPublisher events;

    SystemAssets(
            AssetRepository assets, SystemService systems, Validation validation, ApplicationEventPublisher events) {
        this.assets = assets;
        this.systems = systems;
        this.validation = validation;
        this.events = events;
    }

    /** The list of a system the caller sees (404 otherwise). */
    @Transactional(readOnly = true)
    public SystemAsset.Inventory list(UUID systemId) {
        CloudSystem s = systems.get(systemId);
        return assets.find(s.id()).orElseThrow(() -> new NotFoundException("system", systemId));
    }

    /** Whether the caller may edit the system's assets (as the system itself). */
    public boolean canManage(CloudSystem s) {
        return systems.canManage(s);
    }

    /** The problems of {@code in} as a whole list, by field ({@code assets[2].name}); none when it would be stored. */
    public FieldErrors check(List<SystemAsset.Input> in) {
        FieldErrors errors = new FieldErrors();
        valid(in, errors, "assets");
        return errors;
    }

    /** Replaces the whole list. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public SystemAsset.Inventory replace(UUID systemId, ExpectedVersion version, List<SystemAsset.Input> in) {
        SystemAsset.Inventory old = writable(systemId, "system.assets.replace");
        FieldErrors errors = new FieldErrors();
        List<SystemAsset> next = valid(in, errors, "assets");
        errors.throwIfAny();
        // an asset that stays the same keeps its id
        List<SystemAsset> kept = new ArrayList<>();
        List<SystemAsset> unused = new ArrayList<>(old.assets());
        for (SystemAsset a : next) {
            SystemAsset same =
                    unused.stream().filter(o -> sameContent(o, a)).findFirst().orElse(null);
            unused.remove(same);
            kept.add(same != null ? same : a);
        }
        return store(old, version.value(), kept, "system.assets.replace");
    }

    /** Appends one asset (no version needed: nothing the caller read is replaced). */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public SystemAsset add(UUID systemId, SystemAsset.Input in) {
        SystemAsset.Inventory old = writable(systemId, "system.assets.add");
        SystemAsset a = one(in);
        if (old.assets().size() >= MAX_ASSETS) {
            throw new FieldErrors.ValidationException(
                    "assets",
                    validation.msg(
                            "party.error.tooMany", MAX_ASSETS, old.assets().size() + 1));
        }
        List<SystemAsset> next = new ArrayList<>(old.assets());
        next.add(a);
        store(old, old.version(), next, "system.assets.add");
        return a;
    }

    /** Changes one asset; {@code version} is the list's. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public SystemAsset update(UUID systemId, UUID assetId, ExpectedVersion version, SystemAsset.Input in) {
        SystemAsset.Inventory old = writable(systemId, "system.assets.update");
        int at = indexOf(old, assetId);
        SystemAsset a = one(in);
        SystemAsset changed = new SystemAsset(assetId, a.type(), a.name(), a.version(), a.importance(), a.note());
        List<SystemAsset> next = new ArrayList<>(old.assets());
        next.set(at, changed);
        store(old, version.value(), next, "system.assets.update");
        return changed;
    }

    /** Removes one asset. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void remove(UUID systemId, UUID assetId) {
        SystemAsset.Inventory old = writable(systemId, "system.assets.delete");
        List<SystemAsset> next = new ArrayList<>(old.assets());
        next.remove(indexOf(old, assetId));
        store(old, old.version(), next, "system.assets.delete");
    }

    private SystemAsset.Inventory writable(UUID systemId, String action) {
        CloudSystem s = systems.get(systemId);
        if (!systems.canManage(s)) {
            events.publishEvent(
                    AuditableEvent.denied(action, "system", s.id(), Msg.of("party.audit.denied.notCustomer")));
            throw new AccessDeniedException("party.denied.customerOrAdmin");
        }
        return assets.find(systemId).orElseThrow(() -> new NotFoundException("system", systemId));
    }

    private static int indexOf(SystemAsset.Inventory list, UUID assetId) {
        for (int i = 0; i < list.assets().size(); i++) {
            if (list.assets().get(i).id().equals(assetId)) {
                return i;
            }
        }
        throw new NotFoundException("asset", assetId);
    }

    private SystemAsset.Inventory store(
            SystemAsset.Inventory old, long expected, List<SystemAsset> next, String action) {
        long version = assets.replace(old.systemId(), expected, next);
        long added = next.stream()
                .filter(a -> old.assets().stream().noneMatch(o -> o.id().equals(a.id())))
                .count();
        long removed = old.assets().stream()
                .filter(o -> next.stream().noneMatch(a -> a.id().equals(o.id())))
                .count();
        long changed = next.stream()
                .filter(a -> old.assets().stream().anyMatch(o -> o.id().equals(a.id()) && !sameContent(o, a)))
                .count();
        events.publishEvent(AuditableEvent.success(
                action,
                "system",
                old.systemId(),
                Msg.of(
                        "party.audit.assets",
                        next.size(),
                        added,
                        changed,
                        removed,
                        Msg.joined(next.stream()
                                .map(a -> Msg.of(
                                        "party.audit.asset",
                                        Msg.of(a.type()),
                                        a.name(),
                                        a.version() == null ? "—" : a.version(),
                                        Msg.of(a.importance())))
                                .toList()))));
        return new SystemAsset.Inventory(old.systemId(), version, next);
    }

    private static boolean sameContent(SystemAsset a, SystemAsset b) {
        return a.type() == b.type()
                && a.name().equals(b.name())
                && Objects.equals(a.version(), b.version())
                && a.importance() == b.importance()
                && Objects.equals(a.note(), b.note());
    }

    private SystemAsset one(SystemAsset.Input in) {
        FieldErrors errors = new FieldErrors();
        SystemAsset a = asset(in, errors, "");
        errors.throwIfAny();
        return a;
    }

    private List<SystemAsset> valid(List<SystemAsset.Input> in, FieldErrors errors, String field) {
        List<SystemAsset.Input> raw = in == null ? List.of() : in;
        if (raw.size() > MAX_ASSETS) {
            errors.add(field, validation.msg("party.error.tooMany", MAX_ASSETS, raw.size()));
            return List.of();
        }
        List<SystemAsset> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String prefix = field + "[" + i + "].";
            if (raw.get(i) == null) {
                errors.add(field + "[" + i + "]", validation.msg("party.error.required"));
                continue;
            }
            SystemAsset a = asset(raw.get(i), errors, prefix);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** One asset, or null with its problems added under {@code prefix} + field. */
    private SystemAsset asset(SystemAsset.Input in, FieldErrors errors, String prefix) {
        int before = errors.asMap().size();
        AssetType type = validation.enumValue(errors, prefix + "type", in.type(), AssetType.class);
        String name = validation.text(errors, prefix + "name", in.name(), NAME_MAX, true);
        String version = validation.text(errors, prefix + "version", in.version(), VERSION_MAX, false);
        AssetImportance importance =
                validation.enumValue(errors, prefix + "importance", in.importance(), AssetImportance.class);
        String note = validation.multiline(errors, prefix + "note", in.note(), NOTE_MAX, false);
        if (errors.asMap().size() > before) {
            return null;
        }
        return new SystemAsset(UUID.randomUUID(), type, name, nullIfBlank(version), importance, nullIfBlank(note));
    }
}
