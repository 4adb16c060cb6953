/**
 * {@code yunjian backup} (with the server's Spring context) and the offline {@code yunjian restore}, which
 * {@code Application.main} runs before any Spring code (hence exposed to the root package).
 */
@org.springframework.modulith.NamedInterface("cli")
package org.yunjian.backup.cli;
