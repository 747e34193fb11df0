package io.ledgernode.mirror;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The mirror's schema migrations: the scripts at {@code db/migration} in this module's jar, their history in schema
 * {@code bridge}. Run by the mirror's owner and only writer, sync-bridge, and by the test fixture, so tests build the
 * very schema the bridge builds. Needs Flyway on the classpath (an optional dependency of this module).
 */
public final class MirrorMigrations {

    /** Where the scripts are, on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private MirrorMigrations() {
    }

    /** Applies pending migrations; refuses a database whose schema is newer than this code. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("bridge")
                .createSchemas(true)
                .locations(LOCATION)
                .validateOnMigrate(true)
                .load()
                .migrate();
    }
}
