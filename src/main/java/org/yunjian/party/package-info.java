/**
 * Parties and cloud systems: organisations with their roles (customer, provider, agents, assessors,
 * partners), the cloud systems customers run, the engagements that tie a system to the parties working
 * on it, and who of them may see what. Other modules call {@link org.yunjian.party.Parties}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parties")
package org.yunjian.party;
