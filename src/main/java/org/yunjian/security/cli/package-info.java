/**
 * {@code yunjian users …} (with the server's Spring context) and the offline REST client {@code yunjian api},
 * which {@code Application.main} runs before any Spring code (hence exposed to the root package).
 */
@org.springframework.modulith.NamedInterface("cli")
package org.yunjian.security.cli;
