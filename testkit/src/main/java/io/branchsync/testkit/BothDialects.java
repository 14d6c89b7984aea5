package io.branchsync.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test method once per {@link TestDialect}, handing it the dialect as its only argument.
 *
 * <pre>{@code
 * @BothDialects
 * void upsertKeepsLatestRow(TestDialect dialect) throws SQLException {
 *     try (TestDatabase db = TestDatabases.create(dialect)) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>It is shorthand for {@code @ParameterizedTest @EnumSource(TestDialect.class)}; the invocations
 * are named after the dialect ({@code POSTGRESQL}, {@code MARIADB}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ParameterizedTest(name = "{0}")
@EnumSource(TestDialect.class)
public @interface BothDialects {}
