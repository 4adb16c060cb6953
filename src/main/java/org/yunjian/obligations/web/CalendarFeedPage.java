package org.yunjian.obligations.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yunjian.obligations.internal.CalendarFeeds;

/**
 * A user's iCalendar feed, {@code /lifecycle/calendar/{token}.ics}: reachable without a session (calendar
 * applications cannot log in; the security configuration permits exactly this path), guarded by the secret token
 * alone — an unknown or revoked token is 404.
 */
@Controller
class CalendarFeedPage {

    private final CalendarFeeds feeds;

    CalendarFeedPage(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/lifecycle/calendar/{token}.ics")
    @PreAuthorize("permitAll()") // token-guarded: SecurityConfig.PUBLIC
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        byte[] body = feeds.feed(token).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"yunjian.ics\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
