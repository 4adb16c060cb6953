package org.yunjian.monitoring.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.security.CurrentUser;

/** The monitoring REST calls the network and alert tests make as one user on one system. */
record MonitorCalls(MockMvc mvc, CurrentUser user, UUID systemId) {

    ResultActions call(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b.with(as(user)).contentType(MediaType.APPLICATION_JSON));
    }

    /** A monitor "门户首页" of {@code url}, {@code extra} JSON fields added (starting with a comma). */
    UUID add(String url, String extra) throws Exception {
        String json = body(call(post("/api/systems/" + systemId + "/monitors")
                        .content("{\"name\":\"门户首页\",\"url\":\"" + url + "\"" + extra + "}"))
                .andExpect(status().isCreated()));
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    /** Probes now; the report. */
    String run(UUID monitor) throws Exception {
        return body(call(post("/api/monitors/" + monitor + "/run")).andExpect(status().isOk()));
    }

    /** The subjects of the monitor's alerts of {@code kind} not closed. */
    List<String> open(UUID monitor, String kind) throws Exception {
        return JsonPath.read(openJson(monitor), "$.items[?(@.kind == '" + kind + "')].subject");
    }

    String openJson(UUID monitor) throws Exception {
        return body(call(get("/api/monitors/" + monitor + "/alerts?open=true")).andExpect(status().isOk()));
    }

    static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
