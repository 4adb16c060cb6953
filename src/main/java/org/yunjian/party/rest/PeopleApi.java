package org.yunjian.party.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.party.internal.PeopleDirectory;

/** People the caller may name (as a duty's owner, …), by display name. */
@RestController
class PeopleApi {

    private final PeopleDirectory people;

    PeopleApi(PeopleDirectory people) {
        this.people = people;
    }

    @GetMapping("/api/people")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    @Operation(
            summary =
                    "Up to 20 people whose display or user name contains q, among those the caller may see: a "
                            + "business user's own organisation and the parties to its systems and engagements; administrators anyone")
    List<PeopleDirectory.Pick> search(@RequestParam(required = false) String q) {
        return people.search(q);
    }
}
