package org.yunjian.security.internal.directory;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.yunjian.security.AccountPrincipal;

/**
 * A person an OpenID Connect provider vouched for, with the local account they signed in as: the principal only
 * between the provider's answer and {@link DirectorySignInHandlers}, which puts the {@link AccountPrincipal} in the
 * session in its place.
 */
final class DirectoryOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final AccountPrincipal account;

    DirectoryOidcUser(OidcUser user, AccountPrincipal account) {
        super(account.getAuthorities(), user.getIdToken(), user.getUserInfo(), "sub");
        this.account = account;
    }

    AccountPrincipal account() {
        return account;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryOidcUser other && super.equals(o) && account.equals(other.account);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
