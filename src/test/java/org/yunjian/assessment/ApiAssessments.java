package org.yunjian.assessment;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;

/** Test set-up through the REST API: a third-party MLPS level-3 assessment of the world's system. */
public final class ApiAssessments {

    private ApiAssessments() {}

    /** Creates the assessment {@code name} as {@code assessor}; returns the 201 response body. */
    public static String post(MockMvc mvc, CurrentUser assessor, Fixtures.World w, String name) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/assessments")
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                                 "scope":["MLPS-L3"]}""".formatted(
                                        name, w.system().id(), w.assessor().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
