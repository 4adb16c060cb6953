package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** A raw-body upload route is matched as Spring MVC routes: decoded, path parameters ignored, method required. */
class RawUploadRouteTest {

    private final RawUploadRoute route = new RawUploadRoute("POST", "/api/systems/{id}/responsibility/oscal-ssp");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/systems/42/responsibility/oscal-ssp        | true
            POST | /api/systems/42/responsibility/oscal-%73sp      | true
            POST | /api/systems/42/responsibility;x=1/oscal-ssp    | true
            POST | /api/systems/42/responsibility/oscal-ssp/       | false
            GET  | /api/systems/42/responsibility/oscal-ssp        | false
            POST | /api/systems/42/responsibility/oscal-catalog    | false
            """)
    void matchesWhatSpringRoutesThere(String method, String uri, boolean matches) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        assertThat(route.matches(request)).isEqualTo(matches);
    }
}
