package io.ocmee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations in {@code db/migration} to the data source {@code jdbc/ocm} when
 * the module starts. The same SQL runs on H2 and PostgreSQL; a migration that fails stops the
 * deployment, so the module never runs against a schema it does not know.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/ocm")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            Flyway flyway =
                    Flyway.configure(DatabaseMigration.class.getClassLoader())
                            .dataSource(dataSource)
                            .locations("classpath:db/migration")
                            .table("ocm_schema_history")
                            .load();
            MigrateResult result = flyway.migrate();
            LOG.log(
                    Level.INFO,
                    "OCM-0002 Database schema at version {0} ({1} migration(s) applied now)",
                    new Object[] {flyway.info().current().getVersion(), result.migrationsExecuted});
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "OCM-0003 Database migration failed; the module will not start",
                    e);
            throw e;
        }
    }
}
