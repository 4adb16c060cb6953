package org.yunjian.security.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.outbound.OutboundPolicies;

/** The rules of a directory connection, without a context: membership by claim, local names, addresses, policy. */
class DirectoryConnectionRulesTest {

    static DirectoryConnection oidc(String claim, String value) {
        return DirectoryConnection.of(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new DirectoryConnection.Settings(
                        "oidc",
                        "Bank.Example",
                        true,
                        "https://sso.bank.example/",
                        "yunjian",
                        "s",
                        claim,
                        value,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                Instant.now(),
                "admin",
                0);
    }

    @Test
    void membershipIsTheGroupValueInTheGroupClaimListOrValue() {
        DirectoryConnection c = oidc("groups", "staff");
        assertThat(c.grantsMembership(Map.of("groups", List.of("other", "staff"))))
                .isTrue();
        assertThat(c.grantsMembership(Map.of("groups", "staff"))).isTrue();
        assertThat(c.grantsMembership(Map.of("groups", List.of("staff-2")))).isFalse();
        assertThat(c.grantsMembership(Map.of("roles", List.of("staff")))).isFalse();
        assertThat(c.grantsMembership(Map.of())).isFalse();
        // the domain is kept lower-case, the issuer without its trailing slash
        assertThat(c.loginDomain()).isEqualTo("bank.example");
        assertThat(c.oidc().issuerUri()).isEqualTo("https://sso.bank.example");
    }

    @Test
    void localUsernameIsTheDirectoryNameAtTheLoginDomainWhenItCanBeOne() {
        DirectoryConnection c = oidc("groups", "staff");
        assertThat(c.localUsername("alice")).contains("alice@bank.example");
        assertThat(c.localUsername("alice@mail.bank.example")).contains("alice@bank.example");
        assertThat(c.localUsername("a b")).isEmpty();
        assertThat(c.localUsername("../admin")).isEmpty();
        assertThat(c.localUsername("x".repeat(60))).isEmpty();
    }

    @Test
    void plainProtocolsOnlyToThisMachine() {
        assertThat(DirectoryConnection.providerAddress("https://sso.bank.example", false))
                .isTrue();
        assertThat(DirectoryConnection.providerAddress("http://sso.bank.example", false))
                .isFalse();
        assertThat(DirectoryConnection.providerAddress("http://127.0.0.1:8080", false))
                .isTrue();
        assertThat(DirectoryConnection.providerAddress("https://user:pw@sso.bank.example", false))
                .isFalse();
        assertThat(DirectoryConnection.providerAddress("ldaps://ldap.bank.example:636", true))
                .isTrue();
        assertThat(DirectoryConnection.providerAddress("ldap://ldap.bank.example", true))
                .isFalse();
        assertThat(DirectoryConnection.providerAddress("ldap://localhost:3890", true))
                .isTrue();
        assertThat(DirectoryConnection.providerAddress("ldaps://ldap.bank.example/dc=bank", true))
                .isFalse();
    }

    @Test
    void ldapNeedsEitherAPatternOrAFilterAndABindPasswordWithABindDn() {
        assertThatThrownBy(() -> DirectoryConnection.of(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        new DirectoryConnection.Settings(
                                "LDAP",
                                "bank.example",
                                true,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "ldaps://ldap.bank.example",
                                "dc=bank,dc=example",
                                "uid={0},dc=bank,dc=example",
                                "(uid={0})",
                                "cn=reader,dc=bank,dc=example",
                                null,
                                "cn=staff,dc=bank,dc=example"),
                        null,
                        Instant.now(),
                        "admin",
                        0))
                .isInstanceOfSatisfying(FieldErrors.ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("userDnPattern")
                        .contains("bindPassword"));
    }

    @Test
    void directoriesHaveAnOutboundPolicyOfTheirOwnRefusingPrivateAddressesUnlessAllowed() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(new OutboundPolicies(new MockEnvironment())
                        .directories()
                        .judge(loopback)
                        .allowed())
                .isFalse();
        OutboundPolicies allowed = new OutboundPolicies(
                new MockEnvironment().withProperty("yunjian.outbound.directories.allowed-ranges.lab", "127.0.0.0/8"));
        assertThat(allowed.directories().judge(loopback).allowed()).isTrue();
        assertThat(allowed.monitoring().judge(loopback).allowed()).isFalse();
    }
}
