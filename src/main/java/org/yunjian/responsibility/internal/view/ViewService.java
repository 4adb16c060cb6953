package org.yunjian.responsibility.internal.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;

/**
 * The switchable views of a system's matrix (等保, government-website guide, JR/T): which are offered for the system
 * and one of them for a matrix version, as the caller may see it. The derivation is {@link MatrixViews}'; this class
 * authorises (through {@link ResponsibilityService}) and refuses a view that is not offered, naming why.
 */
@Service
@Transactional(readOnly = true)
public class ViewService {

    private final ResponsibilityService matrices;
    private final Parties parties;
    private final MatrixViews views;
    private final OrganizationDirectory directory;

    ViewService(ResponsibilityService matrices, Parties parties, MatrixViews views, OrganizationDirectory directory) {
        this.matrices = matrices;
        this.directory = directory;
        this.parties = parties;
        this.views = views;
    }

    /** One view of one version, with the views offered for the system (for the switch). */
    public record ViewResult(MatrixView matrix, MatrixViews.View view, List<ViewKind> offered) {}

    /** The views offered for the system (404 if the caller may not see it). */
    public List<ViewKind> offered(UUID systemId) {
        return views.offered(matrices.access(systemId).system().industry());
    }

    /**
     * The view named {@code code} of the current version (or {@code version}); 400 naming why for an unknown view or
     * one not offered for the system's industry, 404 without a matrix or for a stranger.
     */
    public ViewResult view(UUID systemId, String code, Integer version) {
        MatrixAccess access = matrices.access(systemId);
        CloudSystem system = access.system();
        ViewKind kind = ViewKind.ofCode(code)
                .orElseThrow(() -> refused(Msg.of(
                        "responsibility.view.unknown",
                        code == null ? "" : code,
                        String.join(
                                ", ",
                                java.util.Arrays.stream(ViewKind.values())
                                        .map(ViewKind::code)
                                        .toList()))));
        views.refusal(kind, system.industry()).ifPresent(m -> {
            throw refused(m);
        });
        MatrixView v = version == null ? matrices.current(systemId) : matrices.version(systemId, version);
        Map<UUID, Set<PartyRole>> registered = parties.registeredRoles(systemId);
        Map<UUID, String> names = new LinkedHashMap<>();
        registered.keySet().forEach(o -> directory.find(o).ifPresent(r -> names.put(o, r.name())));
        MatrixViews.View view =
                views.derive(kind, system.industry(), system.deploymentModel(), v.matrix(), registered, names);
        if (!access.seesWholeMatrix()) {
            view = view.seenBy(access.user().organizationId());
        }
        return new ViewResult(v, view, views.offered(system.industry()));
    }

    private static ValidationException refused(Msg why) {
        return new ValidationException(Map.of("view", why));
    }
}
