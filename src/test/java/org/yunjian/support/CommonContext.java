package org.yunjian.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.yunjian.party.Fixtures;

/**
 * The suite's common application context: the whole application with MockMvc and the fixture world's
 * {@link Fixtures}, on the run's shared database. About 120 test classes use it, and the context starts once per
 * pass; a class that adds a property, a profile, an {@code @Import}, a {@code @MockitoBean} or a
 * {@code @DynamicPropertySource} starts a whole application of its own instead (Flyway, a Hikari pool, every bean:
 * ≈ 1.3–6 CPU-seconds). Choose it, or a cheaper shape, as docs/testing.md says; {@link ContextShapesTests} counts the
 * contexts the passes start. Add {@code @Tag("database")} when the class sends SQL, so the PostgreSQL pass sends it too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
public @interface CommonContext {}
