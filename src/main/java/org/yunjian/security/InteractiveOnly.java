package org.yunjian.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler (method, or every handler of a controller) that needs its caller at a browser, logged in with password
 * and second factor: an API token is refused it with 403, whatever the spelling of the path. Which requests that
 * is, is read from the handler mappings — the routes Spring MVC itself matches, decoded and normalised — never from
 * the raw request URI (issue 33). Creating tokens, changing a password, the TOTP step, every change of user
 * administration and the administrators' token routes are marked: a leaked token cannot extend itself or take over
 * other accounts (a security administrator's token may read the accounts: {@code yunjian users list}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface InteractiveOnly {}
