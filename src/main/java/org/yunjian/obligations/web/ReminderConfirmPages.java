package org.yunjian.obligations.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.yunjian.party.EmailAddresses;

/**
 * The link of a reminder address's confirmation mail (issue 56): opened while signed in as the account that asked for
 * the address, it shows the address and a button; pressing it makes the address the one mail goes to. A link that is
 * unknown, used, expired or was asked for by another account gets the same 404 page (no hint which).
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'USER')")
class ReminderConfirmPages {

    static final String PATH = "/lifecycle/calendar/reminder/confirm/{token}";

    private final EmailAddresses book;

    ReminderConfirmPages(EmailAddresses book) {
        this.book = book;
    }

    @GetMapping(PATH)
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(book.awaiting(token), token, false, model, response);
    }

    @PostMapping(PATH)
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(book.confirm(token), token, true, model, response);
    }

    private static String page(
            Optional<String> address, String token, boolean confirmed, Model model, HttpServletResponse response) {
        if (address.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        // the form posts back to the link only while it works (never echoed for a refused one)
        model.addAttribute("token", address.isPresent() && !confirmed ? token : null);
        model.addAttribute("address", address.orElse(null));
        model.addAttribute("confirmed", confirmed && address.isPresent());
        return "obligations/reminder-confirm";
    }
}
