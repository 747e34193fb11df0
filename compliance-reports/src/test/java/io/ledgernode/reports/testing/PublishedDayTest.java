package io.ledgernode.reports.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the tests that read the seeded day's published reports: the day is published once per test class, in
 * that class's own temporary directory, before its first test (test classes run one after another).
 */
public abstract class PublishedDayTest {
    @TempDir
    protected static Path directory;
    protected static PublishedDay day;

    @BeforeAll
    static void publishDay() throws Exception {
        day = PublishedDay.publish(directory);
    }
}
