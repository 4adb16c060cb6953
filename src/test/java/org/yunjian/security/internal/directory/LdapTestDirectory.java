package org.yunjian.security.internal.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.InetAddress;

/**
 * A real LDAP server for the tests: UnboundID's in-memory directory on a random port of 127.0.0.1, holding {@code
 * dc=bank,dc=example} with people under {@code ou=people} and the organisation's group {@code
 * cn=yunjian,ou=groups}. Anonymous reads are allowed (no bind DN configured).
 */
final class LdapTestDirectory implements AutoCloseable {

    static final String BASE = "dc=bank,dc=example";
    static final String GROUP = "cn=yunjian,ou=groups," + BASE;

    private final InMemoryDirectoryServer server;

    private LdapTestDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    static LdapTestDirectory start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: bank");
        server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        server.add(
                "dn: " + GROUP,
                "objectClass: top",
                "objectClass: groupOfNames",
                "cn: yunjian",
                "member: cn=nobody," + BASE);
        server.startListening();
        return new LdapTestDirectory(server);
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    static String dn(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    void person(String uid, String name, String password, boolean member) throws Exception {
        server.add(
                "dn: " + dn(uid),
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + name,
                "sn: " + name,
                "displayName: " + name,
                "userPassword: " + password);
        if (member) {
            server.modify(GROUP, new Modification(ModificationType.ADD, "member", dn(uid)));
        }
    }

    void leaveGroup(String uid) throws Exception {
        server.modify(GROUP, new Modification(ModificationType.DELETE, "member", dn(uid)));
    }

    void rejoin(String uid) throws Exception {
        server.modify(GROUP, new Modification(ModificationType.ADD, "member", dn(uid)));
    }

    void delete(String uid) throws Exception {
        server.delete(dn(uid));
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
