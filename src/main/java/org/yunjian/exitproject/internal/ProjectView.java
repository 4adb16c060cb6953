package org.yunjian.exitproject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.ExitProject;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.Authorisation;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.exitproject.internal.Records.ChecklistItem;
import org.yunjian.exitproject.internal.Records.CountersignKey;
import org.yunjian.exitproject.internal.Records.Countersignature;
import org.yunjian.exitproject.internal.Records.Deletion;
import org.yunjian.exitproject.internal.Records.DeletionPlan;
import org.yunjian.exitproject.internal.Records.Disposal;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Item;
import org.yunjian.exitproject.internal.Records.Manifest;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.exitproject.internal.Records.Sanitisation;
import org.yunjian.exitproject.internal.Records.StorageCheck;
import org.yunjian.exitproject.internal.Records.Verification;

/** Everything the project page and the API show; {@code clauses} label the clauses its texts name. */
public record ProjectView(
        Access access,
        ProjectInfo project,
        List<ChecklistItem> checklist,
        List<Entry<Manifest>> manifests,
        List<Entry<Item>> items,
        List<Entry<Verification>> verifications,
        Optional<Entry<Authorisation>> authorisation,
        Optional<Entry<DeletionPlan>> plan,
        Optional<Entry<Deletion>> deletion,
        List<Entry<Sanitisation>> sanitisations,
        List<Entry<Disposal>> disposals,
        List<Entry<StorageCheck>> storageChecks,
        Optional<CertificateInfo> certificate,
        Optional<Entry<CountersignKey>> countersignKey,
        Optional<Entry<Countersignature>> countersignature,
        String recordSm3,
        ExitClauses clauses) {

    /** The same view with the SM3 of its deletion record file (what the provider countersigns). */
    ProjectView withRecordSm3(String sm3) {
        return new ProjectView(
                access,
                project,
                checklist,
                manifests,
                items,
                verifications,
                authorisation,
                plan,
                deletion,
                sanitisations,
                disposals,
                storageChecks,
                certificate,
                countersignKey,
                countersignature,
                sm3,
                clauses);
    }

    /**
     * Where the provider's countersignature of the deletion record stands: {@code NO_RECORD} (nothing to sign yet),
     * {@code NO_KEY}, {@code MISSING}, {@code KEY_REPLACED} (signed with a key since replaced), {@code VOID} (the record
     * changed after countersigning) or {@code VALID}.
     */
    public enum Countersigning {
        NO_RECORD,
        NO_KEY,
        MISSING,
        KEY_REPLACED,
        VOID,
        VALID
    }

    public Countersigning countersigning() {
        if (deletion.isEmpty() || recordSm3 == null) {
            return Countersigning.NO_RECORD;
        }
        if (countersignKey.isEmpty()) {
            return Countersigning.NO_KEY;
        }
        if (countersignature.isEmpty()) {
            return Countersigning.MISSING;
        }
        Countersignature c = countersignature.get().data();
        if (!c.keyFingerprint().equals(countersignKey.get().data().fingerprint())) {
            return Countersigning.KEY_REPLACED;
        }
        return c.recordSm3().equals(recordSm3) ? Countersigning.VALID : Countersigning.VOID;
    }

    /** The buckets the deletion names that no empty check made after the deletion covers, as {@code s3://b/p/}. */
    public List<String> uncheckedBuckets() {
        return deletion
                .map(d -> BucketScope.unchecked(
                        BucketScope.named(deletion, authorisation, storageChecks),
                        storageChecks,
                        d.data().deletedOn()))
                .orElse(List.of())
                .stream()
                .map(Object::toString)
                .toList();
    }

    public boolean privateCloud() {
        return access.system().deploymentModel() == DeploymentModel.PRIVATE;
    }

    public boolean checklistComplete() {
        return checklist.stream().allMatch(i -> i.status().settled());
    }

    public boolean cleanVerification() {
        return verifications.stream().anyMatch(v -> v.data().clean());
    }

    /** What still stands between the project and a certificate; empty when it can be issued. */
    public List<Blocker> blockers() {
        List<Blocker> out = new ArrayList<>();
        if (certificate.isPresent()) {
            out.add(new Blocker("issued"));
        }
        if (project.status() != ExitStatus.DELETION) {
            out.add(new Blocker("phase"));
        }
        if (!checklistComplete()) {
            out.add(new Blocker("checklist", clauses.cited(ExitClauses.CHECKLIST)));
        }
        if (!project.inventoryApproved()) {
            out.add(new Blocker("inventory"));
        }
        if (!cleanVerification()) {
            out.add(new Blocker("verification"));
        }
        if (authorisation.isEmpty()) {
            out.add(new Blocker("authorisation"));
        }
        if (deletion.isEmpty()) {
            out.add(new Blocker("deletion"));
        }
        if (deletion.isPresent()) {
            if (BucketScope.namesObjectStorage(deletion, authorisation)
                    && BucketScope.named(deletion, authorisation, storageChecks).isEmpty()) {
                out.add(new Blocker("bucketsUnnamed"));
            }
            List<String> unchecked = uncheckedBuckets();
            if (!unchecked.isEmpty()) {
                out.add(new Blocker("bucketsUnchecked", String.join(", ", unchecked)));
            }
        }
        for (Entry<StorageCheck> c : openStorageChecks()) {
            Map<String, Long> t = c.data().totals();
            out.add(new Blocker(
                    "storage",
                    c.data().location(),
                    c.data().checkedAt(),
                    t.get("current"),
                    t.get("nonCurrent"),
                    t.get("deleteMarkers"),
                    t.get("multipartUploads")));
        }
        // the last step: the provider countersigns the record once everything else is recorded
        Countersigning cs = countersigning();
        if (deletion.isPresent() && cs != Countersigning.VALID) {
            out.add(new Blocker("countersign." + cs.name()));
        }
        return out;
    }

    /**
     * The object-storage checks that found something and that no later check (by {@code checkedAt}) of the same
     * bucket and the same or an enclosing prefix found empty. A project that recorded no check has none.
     */
    public List<Entry<StorageCheck>> openStorageChecks() {
        return storageChecks.stream()
                .filter(c -> !c.data().empty())
                .filter(c -> storageChecks.stream()
                        .noneMatch(later -> later.data().empty()
                                && later.data().covers(c.data())
                                && later.data()
                                        .checkedInstant()
                                        .isAfter(c.data().checkedInstant())))
                .toList();
    }

    ExitProject.Facts facts() {
        return new ExitProject.Facts(
                project.inventoryApproved(), manifests.size(), cleanVerification(), certificate.isPresent());
    }
}
