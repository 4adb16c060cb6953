package org.yunjian.security.web;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.internal.AccountSelfService;
import org.yunjian.security.internal.token.ApiToken;
import org.yunjian.security.internal.token.ApiTokenView;
import org.yunjian.security.internal.token.ApiTokens;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * API tokens on pages: the account page's section (create — the value shown once —, list, revoke) and an
 * administrator's view of an account's tokens.
 */
@Controller
class ApiTokenController {

    /** The create form as typed, kept when it is refused. */
    record TokenForm(String name, String scope, String validDays) {
        static final TokenForm EMPTY = new TokenForm("", ApiTokenScope.READ_ONLY.name(), "90");
    }

    /** The first page of all tokens: what a form's answer shows under it. */
    private static final ListFilters.Search FIRST = new ListFilters.Search(null, PageRequest.first());

    private final ApiTokens tokens;
    private final AccountSelfService self;
    private final UserAdministration users;

    ApiTokenController(ApiTokens tokens, AccountSelfService self, UserAdministration users) {
        this.tokens = tokens;
        this.self = self;
        this.users = users;
    }

    /**
     * The account page's model for the token section, its list one page ({@code query}) with the pager;
     * {@link AccountController} shows the page.
     */
    static void section(
            Model model, ApiTokens tokens, ListFilters.Search query, TokenForm form, Map<String, String> errors) {
        list(model, tokens.mine(query.text(), query.page()), query, "/account");
        model.addAttribute("tokenForm", form);
        model.addAttribute(PageRefusal.ERRORS, errors);
        model.addAttribute("scopes", ApiTokenScope.values());
        model.addAttribute("maxValidDays", ApiToken.MAX_VALID_DAYS);
    }

    /** One page of tokens under {@code path} with its filter and pager. */
    private static void list(Model model, Paged<ApiTokenView> shown, ListFilters.Search query, String path) {
        model.addAttribute("tokens", shown.items());
        model.addAttribute("filterQ", query.text());
        model.addAttribute("pager", Pager.of(shown, path, query.filters()));
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String validDays,
            Model model) {
        TokenForm form = new TokenForm(name, scope, validDays);
        // what does not parse is passed on as missing: the token checks every field at once (name, scope, validity)
        ApiTokenScope s = null;
        try {
            s = ApiTokenScope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            // reported by ApiToken.issue as apitoken.error.scope
        }
        Integer days = null;
        try {
            days = Integer.valueOf(validDays.strip());
        } catch (NumberFormatException e) {
            // reported by ApiToken.issue as apitoken.error.validDays
        }
        model.addAttribute("profile", self.profile());
        ApiTokenScope scoped = s;
        Integer valid = days;
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            ApiToken.Issued issued = tokens.create(name, scoped, valid);
                            model.addAttribute("issued", issued.value());
                            model.addAttribute("issuedName", issued.token().name());
                            section(model, tokens, FIRST, TokenForm.EMPTY, PageRefusal.none());
                            return "security/account";
                        },
                        () -> {
                            section(model, tokens, FIRST, form, PageRefusal.none());
                            return "security/account";
                        });
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
    String revoke(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, Model model) {
        if (!confirm) {
            model.addAttribute("profile", self.profile());
            model.addAttribute("revokeUnconfirmed", id);
            section(model, tokens, FIRST, TokenForm.EMPTY, Map.of());
            return "security/account";
        }
        tokens.revokeMine(id);
        return "redirect:/account?tokenRevoked#api-tokens";
    }

    @GetMapping("/admin/users/{id}/tokens")
    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    String ofUser(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        list(model, tokens.of(id, query.text(), query.page()), query, "/admin/users/" + id + "/tokens");
        model.addAttribute("user", users.get(id));
        return "security/user-tokens";
    }

    @PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    String revokeOfUser(
            @PathVariable UUID id,
            @PathVariable UUID tokenId,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model) {
        if (!confirm) {
            list(model, tokens.of(id, null, PageRequest.first()), FIRST, "/admin/users/" + id + "/tokens");
            model.addAttribute("user", users.get(id));
            model.addAttribute("revokeUnconfirmed", tokenId);
            return "security/user-tokens";
        }
        tokens.revokeOf(id, tokenId);
        return "redirect:/admin/users/" + id + "/tokens?revoked";
    }
}
