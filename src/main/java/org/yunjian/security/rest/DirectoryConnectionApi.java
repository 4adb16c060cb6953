package org.yunjian.security.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.security.internal.directory.DirectoryConnection;
import org.yunjian.security.internal.directory.DirectoryConnectionView;
import org.yunjian.security.internal.directory.DirectoryConnections;

/**
 * An organisation's directory connection over REST: its 组织管理员 reads and changes it (secrets write-only); the
 * platform's security administrators list every organisation's and may switch one off.
 */
@RestController
@org.yunjian.security.InteractiveOnly
class DirectoryConnectionApi {

    private final DirectoryConnections connections;

    DirectoryConnectionApi(DirectoryConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/api/organization/directory")
    @PreAuthorize("hasRole('USER')")
    @Operation(summary = "The caller's organisation's directory connection (organisation administrators; 404 if none)")
    ResponseEntity<DirectoryConnectionView> get() {
        return ResponseEntity.of(connections.mine());
    }

    @PutMapping("/api/organization/directory")
    @PreAuthorize("hasRole('USER')")
    @Operation(
            summary = "Create or change the caller's organisation's directory connection (OIDC or LDAP); an absent or "
                    + "empty secret keeps the stored one, which is never returned")
    DirectoryConnectionView put(@RequestBody DirectoryConnection.Settings body) {
        return connections.save(body);
    }

    @GetMapping("/api/directories")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Every organisation's directory connection (security administrators)")
    List<DirectoryConnectionView> all() {
        return connections.all();
    }

    @PostMapping("/api/directories/{id}/disable")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Switch an organisation's directory connection off (security administrators)")
    DirectoryConnectionView disable(@PathVariable UUID id) {
        return connections.disable(id);
    }
}
