package org.beacon.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The real application on a random port, with the bundled tables, a fresh H2 file database under {@code target/}
 * (tests run from the service module's folder) and one user per role ({@link TestUsers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestUsers.class)
@TestPropertySource(properties = {"beacon.tables-dir=../tables",
    "beacon.data-dir=./target/test-data/${random.uuid}"})
public @interface ServiceTest {
}
