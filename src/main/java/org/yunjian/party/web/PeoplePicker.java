package org.yunjian.party.web;

import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.party.internal.PeopleDirectory;

/**
 * The people picker's search (templates/party/people.html): htmx asks for the people matching what was typed and
 * replaces the picker's list with them, keeping the current choice (sent under the picker's field {@code name}) first;
 * the form then sends the chosen person's user name, as before.
 */
@Controller
class PeoplePicker {

    private final PeopleDirectory people;

    PeoplePicker(PeopleDirectory people) {
        this.people = people;
    }

    @GetMapping("/people/options")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    String options(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String name,
            @RequestParam Map<String, String> params,
            Model model) {
        String selected = name == null || "q".equals(name) || "name".equals(name) ? null : params.get(name);
        List<PeopleDirectory.Pick> found = people.search(q);
        PeopleDirectory.Pick current = selected == null || selected.isBlank()
                ? null
                : people.visible(selected).orElse(null);
        model.addAttribute("current", current);
        model.addAttribute(
                "found",
                current == null
                        ? found
                        : found.stream()
                                .filter(p -> !p.username().equals(current.username()))
                                .toList());
        return "party/people :: options";
    }
}
