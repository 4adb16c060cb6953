package org.yunjian.security.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;

/**
 * An organisation administrator cannot aim the platform at its own network through a directory connection: with the
 * directories' outbound policy not allowing loopback (here only a documentation address is allowed), an LDAP server
 * and an OpenID Connect issuer on 127.0.0.1 are never connected to — the listener there accepts nothing — and the
 * sign-in is refused as "directory unreachable".
 */
@SpringBootTest(properties = "yunjian.outbound.directories.allowed-ranges.test-servers=192.0.2.1/32")
@AutoConfigureMockMvc
@Import(Fixtures.class)
class DirectoryOutboundPolicyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationAdministration orgAdmins;

    ServerSocket listener;
    final AtomicInteger accepted = new AtomicInteger();
    Thread acceptor;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    accepted.incrementAndGet();
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        acceptor.join(5_000);
    }

    private CurrentUser orgAdmin(UUID org) {
        String name = "dp" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(name, "管理员 " + name, "Org-Admin-Pass-2026!", org, true, "test");
        return new CurrentUser(id, name, org, Role.USER);
    }

    @Test
    void aDirectoryOnAnAddressThePolicyRefusesIsNeverConnectedTo() throws Exception {
        Fixtures.World w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String ldapDomain = "ldap-" + tag + ".example";
        String oidcDomain = "sso-" + tag + ".example";
        String address = "127.0.0.1:" + listener.getLocalPort();
        mvc.perform(put("/api/organization/directory")
                        .with(as(orgAdmin(w.customer().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"LDAP","loginDomain":"%s","ldapUrl":"ldap://%s","baseDn":"dc=bank,dc=example",
                                 "userDnPattern":"uid={0},dc=bank,dc=example","groupDn":"cn=staff,dc=bank,dc=example"}""".formatted(ldapDomain, address)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/organization/directory")
                        .with(as(orgAdmin(w.provider().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"OIDC","loginDomain":"%s","issuerUri":"http://%s","clientId":"yunjian",
                                 "clientSecret":"secret","groupClaim":"groups","groupValue":"staff"}""".formatted(oidcDomain, address)))
                .andExpect(status().isOk());

        mvc.perform(post("/login/directory/ldap")
                        .with(csrf())
                        .param("username", "alice@" + ldapDomain)
                        .param("password", "alice-secret"))
                .andExpect(redirectedUrl("/login/directory?refused=UNREACHABLE"));
        mvc.perform(post("/login/directory/oidc").with(csrf()).param("domain", oidcDomain))
                .andExpect(redirectedUrl("/login/directory?refused=UNREACHABLE"));
        Thread.sleep(200);
        assertThat(accepted.get()).isZero();
    }
}
