/**
 * Parties and cloud systems: organisations with their roles, the cloud systems customers run, the engagements that tie
 * a system to the parties working on it, and who of them may see what, for other modules through
 * {@link org.yunjian.party.Parties}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Parties",
        allowedDependencies = {"catalog", "cli", "crypto", "demo", "security", "shared"})
package org.yunjian.party;
