package org.yunjian.party.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.PeopleSearch;
import org.yunjian.security.Role;

/**
 * The people a caller may pick (a duty's owner, an audit filter): a business user those of the organisations it sees
 * (its own and the parties to its systems and engagements); an administrator anyone. By display name, with the
 * organisation's name so two people of one name can be told apart.
 */
@Service
public class PeopleDirectory {

    /** A person as a picker shows them. */
    public record Pick(UUID id, String username, String displayName, String organizationName) {}

    private final PeopleSearch search;
    private final VisibilityQueries visibility;
    private final OrganizationRepository organizations;
    private final PeopleNames names;

    PeopleDirectory(
            PeopleSearch search,
            VisibilityQueries visibility,
            OrganizationRepository organizations,
            PeopleNames names) {
        this.names = names;
        this.search = search;
        this.visibility = visibility;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public List<Pick> search(String q) {
        Set<UUID> orgs = visibleOrganizations();
        return orgs != null && orgs.isEmpty() ? List.of() : picks(search.search(q, orgs));
    }

    /** The person with that user name, if the caller may see them. */
    @Transactional(readOnly = true)
    public java.util.Optional<Pick> visible(String username) {
        Set<UUID> orgs = visibleOrganizations();
        return names.byUsername(username)
                .filter(p -> orgs == null || orgs.contains(p.organizationId()))
                .map(p -> picks(List.of(p)).get(0));
    }

    /** {@code null} = anyone (administrators). */
    private Set<UUID> visibleOrganizations() {
        CurrentUser u = CurrentUser.require();
        if (u.role().isAdministrator()) {
            return null;
        }
        return u.is(Role.USER) && u.organizationId() != null
                ? visibility.organizationIds(visibility.viewer(u.userId(), u.organizationId()))
                : Set.of();
    }

    private List<Pick> picks(List<PeopleNames.Person> found) {
        Map<UUID, String> names = organizations
                .findAllById(found.stream()
                        .map(PeopleNames.Person::organizationId)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Organization::id, Organization::name));
        return found.stream()
                .map(p -> new Pick(
                        p.id(),
                        p.username(),
                        p.displayName(),
                        p.organizationId() == null ? null : names.get(p.organizationId())))
                .toList();
    }
}
