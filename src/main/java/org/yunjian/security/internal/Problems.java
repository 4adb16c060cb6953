package org.yunjian.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** RFC 9457 problem bodies written from filters, where the MVC advice does not reach. */
public final class Problems {

    private Problems() {}

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /** An API client: asks for JSON and not for HTML (browsers send text/html). */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    /**
     * Writes the problem in the request's language ({@code Accept-Language}): the title is the status's name
     * ({@code security.problem.title.<status>}), the detail the bundle text of {@code detailKey}.
     */
    public static void write(HttpServletResponse response, int status, String type, String detailKey, Object... args)
            throws IOException {
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "urn:yunjian:problem:" + type);
        problem.put("title", org.yunjian.shared.Texts.get("security.problem.title." + status));
        problem.put("status", status);
        problem.put("detail", org.yunjian.shared.Texts.get(detailKey, args));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
}
