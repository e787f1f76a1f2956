package io.ocmee.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the suite runs and against which database; set by failsafe (src-it/pom.xml). */
public final class ItSettings {

    private ItSettings() {}

    /**
     * @return the root of the project checkout, where {@code bin/ocm-run} lives
     */
    public static Path projectDir() {
        return Path.of(required("ocm.project.dir"));
    }

    /**
     * @return a scratch folder for data directories and logs of this run
     */
    public static Path workDir() {
        try {
            return Files.createDirectories(Path.of(required("ocm.it.work")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the IT work folder", e);
        }
    }

    /**
     * @return the conformance data folder, read in place
     */
    public static Path conformanceDir() {
        return Path.of(required("ocm.conformance.dir"));
    }

    /**
     * @return the JDBC URL of a PostgreSQL database whose user may create databases, or {@code
     *     null} when the suite runs on the embedded H2 file databases
     */
    public static String postgresAdminUrl() {
        String url = System.getProperty("ocm.it.pg.url");
        return url == null || url.isBlank() ? null : url;
    }

    /**
     * @return the PostgreSQL user for {@link #postgresAdminUrl()}
     */
    public static String postgresUser() {
        return System.getProperty("ocm.it.pg.user", "ocm_it");
    }

    /**
     * @return the PostgreSQL password for {@link #postgresAdminUrl()}
     */
    public static String postgresPassword() {
        return System.getProperty("ocm.it.pg.password", "");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set; run the suite through Maven");
        }
        return value;
    }
}
