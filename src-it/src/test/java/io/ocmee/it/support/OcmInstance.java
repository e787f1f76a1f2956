package io.ocmee.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OCM server started as an operator starts it: {@code bin/ocm-run --no-build} with {@code
 * OCM_PORT} and {@code OCM_DATA_DIR}, on a free loopback port. It can be stopped and started again
 * on the same data directory (and database). Not thread-safe; one test thread drives it.
 */
public final class OcmInstance implements AutoCloseable {

    /**
     * How long a start may take. Boots take 15–60 s on a quiet machine, several minutes when other
     * builds share it: 360 s, or {@code -Docm.it.startup-timeout-seconds}.
     */
    private static final Duration STARTUP_TIMEOUT =
            Duration.ofSeconds(Long.getLong("ocm.it.startup-timeout-seconds", 360));

    private final String name;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final String database;
    private final Map<String, String> extraEnv;
    private final java.util.List<String> microArgs;
    private Process process;

    private OcmInstance(
            String name, Map<String, String> extraEnv, java.util.List<String> microArgs) {
        this.name = name;
        this.extraEnv = Map.copyOf(extraEnv);
        this.microArgs = java.util.List.copyOf(microArgs);
        this.port = freePort();
        Path work = ItSettings.workDir();
        this.dataDir = work.resolve(name + "-" + port);
        this.log = work.resolve(name + "-" + port + ".log");
        this.database = createDatabase(name + "_" + port);
    }

    /**
     * Starts a new instance and waits until its discovery answers.
     *
     * @param name a short name used in file names and logs
     * @return the running instance
     */
    public static OcmInstance start(String name) {
        return start(name, Map.of());
    }

    /**
     * Starts a new instance with extra settings, e.g. {@code OCM_PUBLIC_URL} for a server behind a
     * proxy, or short timeouts.
     *
     * @param name a short name used in file names and logs
     * @param extraEnv {@code OCM_*} variables added to the instance's environment
     * @return the running instance
     */
    public static OcmInstance start(String name, Map<String, String> extraEnv) {
        return start(name, extraEnv, java.util.List.of());
    }

    /**
     * Starts a new instance with extra settings and extra Payara Micro arguments, e.g. {@code
     * --deploy caller.war} for a host application deployed beside the module.
     *
     * @param name a short name used in file names and logs
     * @param extraEnv {@code OCM_*} variables added to the instance's environment
     * @param microArgs arguments passed to Payara Micro after the launcher's own
     * @return the running instance
     */
    public static OcmInstance start(
            String name, Map<String, String> extraEnv, java.util.List<String> microArgs) {
        OcmInstance instance = new OcmInstance(name, extraEnv, microArgs);
        instance.start();
        return instance;
    }

    /**
     * @return the port the server itself listens on (127.0.0.1)
     */
    public int port() {
        return port;
    }

    /**
     * @return the public base URL, {@code http://localhost:<port>}
     */
    public String url() {
        return "http://localhost:" + port;
    }

    /**
     * @return the provider authority of local OCM addresses, {@code localhost:<port>}
     */
    public String authority() {
        return "localhost:" + port;
    }

    /**
     * @return the data directory
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * @return the server's log so far
     */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Opens a connection to this instance's database, for tests that prepare rows the server finds
     * when it starts. With the embedded H2 file database the server must be stopped.
     *
     * @return a new connection; the caller closes it
     */
    public Connection openDatabase() {
        try {
            if (database != null) {
                return DriverManager.getConnection(
                        database, ItSettings.postgresUser(), ItSettings.postgresPassword());
            }
            return DriverManager.getConnection(
                    "jdbc:h2:file:" + dataDir.resolve("db").resolve("ocm"), "sa", "sa");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database of " + name, e);
        }
    }

    /** Starts the server process and waits for its discovery document. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(ItSettings.projectDir().resolve("bin/ocm-run").toString());
        command.add("--no-build");
        if (!microArgs.isEmpty()) {
            command.add("--");
            command.addAll(microArgs);
        }
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(ItSettings.projectDir().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OCM_"));
        env.put("OCM_PORT", Integer.toString(port));
        env.put("OCM_DATA_DIR", dataDir.toString());
        env.put("OCM_OUTBOUND_ALLOW_HTTP", "true");
        env.put("OCM_OUTBOUND_ALLOW_LOOPBACK", "true");
        env.putAll(extraEnv);
        if (database != null) {
            env.put("OCM_DB_URL", database);
            env.put("OCM_DB_USER", ItSettings.postgresUser());
            env.put("OCM_DB_PASSWORD", ItSettings.postgresPassword());
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            stop(); // a server that did not come up in time must not outlive the test run
            throw e;
        }
    }

    /** Stops the server with SIGTERM and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops and starts the server on the same data directory and database. */
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (answers()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(
                name + " did not start in " + STARTUP_TIMEOUT + ":\n" + tail());
    }

    private boolean answers() {
        try {
            return Http.get(url() + "/.well-known/ocm").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /**
     * Creates a fresh PostgreSQL database for one server when the suite runs on PostgreSQL.
     *
     * @param suffix names the database ({@code ocm_it_<suffix>})
     * @return its JDBC URL, or {@code null} when the suite runs on H2
     */
    static String createDatabase(String suffix) {
        String admin = ItSettings.postgresAdminUrl();
        if (admin == null) {
            return null;
        }
        String db = "ocm_it_" + suffix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c =
                        DriverManager.getConnection(
                                admin, ItSettings.postgresUser(), ItSettings.postgresPassword());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL database " + db, e);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + db;
    }
}
