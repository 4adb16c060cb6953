package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;

/**
 * The people pickers search by display name among the people the caller may see: its own organisation and the parties
 * to its systems, never an unrelated organisation's people — not even as the picker's "current" choice.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class PeoplePickerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationAdministration accounts;

    @Test
    void findsPeopleOfVisibleOrganisationsByDisplayNameOnly() throws Exception {
        Fixtures.World w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String colleague = person(w.customer().id(), "同事" + tag);
        String engineer = person(w.provider().id(), "工程师" + tag);
        String outsider = person(w.stranger().id(), "外人" + tag);
        CurrentUser customer = PartyTestSupport.user(w.customer().id());

        String found = mvc.perform(get("/api/people").param("q", tag).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(found)
                .contains(colleague, engineer, "同事" + tag, w.provider().name())
                .doesNotContain(outsider);

        String options = mvc.perform(get("/people/options")
                        .param("q", "工程师" + tag)
                        .param("name", "owner")
                        .param("owner", outsider)
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(options)
                .contains("value=\"" + engineer + "\"")
                .doesNotContain(outsider)
                .doesNotContain("外人");

        String current = mvc.perform(get("/people/options")
                        .param("q", "nobody-" + tag)
                        .param("name", "owner")
                        .param("owner", colleague)
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(current).contains("value=\"" + colleague + "\" selected");
    }

    private String person(UUID org, String displayName) {
        String username = "pp" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createInvited(username, displayName, "Picker-Pass-2026!", org, false, "test");
        return username;
    }
}
