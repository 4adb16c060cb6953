package org.yunjian.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated account held in the session. An administrator who has given the password but
 * not yet the TOTP code carries only the {@code MFA_PENDING} authority.
 */
public record AccountPrincipal(
        CurrentUser user, String passwordHash, boolean enabled, boolean locked, boolean fullyAuthenticated)
        implements UserDetails {

    public static final String MFA_PENDING = "MFA_PENDING";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return fullyAuthenticated
                ? List.of(new SimpleGrantedAuthority(user.role().authority()))
                : List.of(new SimpleGrantedAuthority(MFA_PENDING));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public AccountPrincipal completed() {
        return new AccountPrincipal(user, passwordHash, enabled, locked, true);
    }

    public AccountPrincipal pendingMfa() {
        return new AccountPrincipal(user, passwordHash, enabled, locked, false);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + user.username() + "]";
    }
}
