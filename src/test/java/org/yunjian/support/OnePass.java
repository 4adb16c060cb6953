package org.yunjian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A class whose risk is not the database's — pages, browser journeys, HTTP hardening, rendering, the authorization
 * matrix — runs in the H2 pass only (issue 37, "run database-independent classes once"). What it sends to the
 * database is not left untried on PostgreSQL: every statement the H2 pass sends must also have been sent by the
 * classes of the PostgreSQL pass, which {@code support.sqlcoverage} checks in every whole build (the enforcer fails
 * it and names the statement and the code that sent it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(OnePass.TAG)
public @interface OnePass {

    String TAG = "one-pass";
}
