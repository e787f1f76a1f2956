package io.ocmee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The OCM-EE EAR on a real Payara Server 6 domain, prepared exactly as README "Deploying into your
 * server", Payara Server, describes: the PostgreSQL driver in the domain's lib folder, {@code
 * deploy/payara-server/loopback-domain.sh} (every listener on 127.0.0.1, ports moved by an offset),
 * {@code start-domain}, {@code deploy/payara-server/configure-ocm.sh} against a fresh PostgreSQL
 * database, file-realm users, {@code restart-domain} and {@code asadmin deploy}.
 *
 * <p>The unpacked distribution ({@code ocm.it.payara-server.home}) is never changed: its {@code
 * domain1} is copied into the IT work folder and run from there ({@code --domaindir}). Every
 * command's output goes to a file of that folder. Not thread-safe; one test thread drives it.
 */
public final class PayaraServer implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT =
            Duration.ofSeconds(Math.max(300, Long.getLong("ocm.it.startup-timeout-seconds", 0)));
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(300);
    private static final String DOMAIN = "domain1";

    /** Default ports of domain1 that loopback-domain.sh moves by the offset. */
    private static final int[] DEFAULT_PORTS = {
        8080, 8181, 4848, 3700, 3820, 3920, 8686, 4900, 5900
    };

    private final String name;
    private final Path home;
    private final Path work;
    private final Path domains;
    private final int offset;
    private boolean started;

    /**
     * How long each phase took, for the CI report.
     *
     * @param firstStart the first {@code start-domain}
     * @param configure {@code configure-ocm.sh} and the users
     * @param restart {@code restart-domain}
     * @param deploy {@code asadmin deploy} of the EAR until discovery answers
     */
    public record Timings(
            Duration firstStart, Duration configure, Duration restart, Duration deploy) {

        @Override
        public String toString() {
            return "start-domain "
                    + firstStart.toMillis()
                    + " ms, configure-ocm.sh and users "
                    + configure.toMillis()
                    + " ms, restart-domain "
                    + restart.toMillis()
                    + " ms, deploy until discovery "
                    + deploy.toMillis()
                    + " ms";
        }
    }

    private Timings timings;

    private PayaraServer(String name) {
        this.name = name;
        this.home = Path.of(required("ocm.it.payara-server.home"));
        this.offset = freeOffset();
        this.work = ItSettings.workDir().resolve(name + "-" + (8080 + offset));
        this.domains = work.resolve("domains");
    }

    /**
     * @return whether the suite was asked to run the Payara Server tests ({@code
     *     -Docm.it.payara-server=true} sets {@code ocm.it.payara-server.home})
     */
    public static boolean enabled() {
        String home = System.getProperty("ocm.it.payara-server.home");
        return home != null && !home.isBlank();
    }

    /**
     * Prepares a fresh domain, starts it, deploys the EAR and waits for its discovery document.
     *
     * @param name a short name used in file names
     * @param settings further {@code ocm.*} settings as system properties of the domain
     * @param users user name to {password, group} in the file realm
     * @return the running server
     */
    public static PayaraServer start(
            String name, Map<String, String> settings, Map<String, String[]> users) {
        PayaraServer server = new PayaraServer(name);
        try {
            server.startAndDeploy(settings, users);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /**
     * @return the public base URL, {@code http://localhost:<port>}
     */
    public String url() {
        return "http://localhost:" + httpPort();
    }

    /**
     * @return the provider authority of local OCM addresses, {@code localhost:<port>}
     */
    public String authority() {
        return "localhost:" + httpPort();
    }

    /**
     * @return the port of the domain's JMX connector ({@code system}, RMI), 8686 moved by the
     *     offset
     */
    public int jmxPort() {
        return 8686 + offset;
    }

    /**
     * @return how long each phase took
     */
    public Timings timings() {
        return timings;
    }

    /**
     * @return the domain's server.log so far
     */
    public String log() {
        try {
            return Files.readString(domains.resolve(DOMAIN).resolve("logs/server.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The local addresses ({@code address:port}) on which the domain's process listens for TCP
     * connections, as {@code ss -ltnp} shows them (IPv4-mapped IPv6 addresses as plain IPv4).
     *
     * @return one entry per listening socket
     */
    public List<String> listeningAddresses() {
        String pid;
        try {
            pid = Files.readString(domains.resolve(DOMAIN).resolve("config/pid")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file: is the domain running?", e);
        }
        Path out = work.resolve("ss.log");
        deleteQuietly(out);
        run(List.of("ss", "-ltnpH"), Map.of(), out);
        try {
            List<String> addresses = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                if (line.contains("pid=" + pid + ",")) {
                    // an IPv6 socket bound to 127.0.0.1 shows as [::ffff:127.0.0.1]:port
                    addresses.add(
                            line.trim().split("\\s+")[3].replaceFirst("^\\[::ffff:(.*)\\]", "$1"));
                }
            }
            return addresses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int httpPort() {
        return 8080 + offset;
    }

    private int adminPort() {
        return 4848 + offset;
    }

    private void startAndDeploy(Map<String, String> settings, Map<String, String[]> users) {
        String database = OcmInstance.createDatabase(name + "_" + httpPort());
        if (database == null) {
            throw new IllegalStateException(
                    "the Payara Server test needs PostgreSQL: set ocm.it.pg.url (see .ci/run)");
        }
        prepareDomain();
        Instant t0 = Instant.now();
        started = true; // from here on close() stops the domain, even after a failed start
        local("start-domain", "--domaindir", domains.toString(), DOMAIN);
        Instant t1 = Instant.now();
        configure(database, settings, users);
        Instant t2 = Instant.now();
        local("restart-domain", "--domaindir", domains.toString(), DOMAIN);
        Instant t3 = Instant.now();
        remote(List.of("deploy", "--name", "ocm", required("ocm.it.ear")), null);
        awaitDiscovery();
        Instant t4 = Instant.now();
        timings =
                new Timings(
                        Duration.between(t0, t1),
                        Duration.between(t1, t2),
                        Duration.between(t2, t3),
                        Duration.between(t3, t4));
    }

    /** A private copy of domain1 with the driver jar, every listener moved to 127.0.0.1. */
    private void prepareDomain() {
        Path domain = domains.resolve(DOMAIN);
        copyTree(home.resolve("glassfish/domains").resolve(DOMAIN), domain);
        Path driver = Path.of(required("ocm.it.pg.driver"));
        try {
            Files.copy(
                    driver,
                    domain.resolve("lib").resolve(driver.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(
                List.of(
                        "bash",
                        script("loopback-domain.sh").toString(),
                        domain.toString(),
                        Integer.toString(offset)),
                Map.of(),
                work.resolve("loopback-domain.log"));
    }

    private void configure(
            String database, Map<String, String> settings, Map<String, String[]> users) {
        URI db = URI.create(database.substring("jdbc:".length()));
        Path passwordFile = work.resolve("db-password");
        writePrivate(passwordFile, ItSettings.postgresPassword());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ASADMIN", asadmin() + " --host 127.0.0.1 --port " + adminPort());
        env.put("OCM_DB_HOST", db.getHost());
        env.put("OCM_DB_PORT", Integer.toString(db.getPort()));
        env.put("OCM_DB_NAME", db.getPath().substring(1));
        env.put("OCM_DB_USER", ItSettings.postgresUser());
        env.put("OCM_DB_PASSWORD_FILE", passwordFile.toString());
        env.put("OCM_PUBLIC_URL", url());
        env.put("OCM_DATA_DIR", work.resolve("ocm-data").toString());
        run(
                List.of("bash", script("configure-ocm.sh").toString()),
                env,
                work.resolve("configure-ocm.log"));
        if (!settings.isEmpty()) {
            StringBuilder properties = new StringBuilder();
            settings.forEach(
                    (key, value) -> {
                        if (properties.length() > 0) {
                            properties.append(':');
                        }
                        properties.append(key).append('=').append(escape(value));
                    });
            remote(List.of("create-system-properties", properties.toString()), null);
        }
        // The JMX connector's RMI stubs name 127.0.0.1, never the machine's host name.
        remote(List.of("create-jvm-options", "-Djava.rmi.server.hostname=127.0.0.1"), null);
        users.forEach(
                (user, passwordAndGroup) -> {
                    Path file = work.resolve("user-password");
                    writePrivate(file, "AS_ADMIN_USERPASSWORD=" + passwordAndGroup[0] + "\n");
                    try {
                        remote(
                                List.of("create-file-user", "--groups", passwordAndGroup[1], user),
                                file);
                    } finally {
                        deleteQuietly(file);
                    }
                });
    }

    private void awaitDiscovery() {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Http.get("http://127.0.0.1:" + httpPort() + "/.well-known/ocm").status()
                        == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            pause();
        }
        throw new IllegalStateException(
                "the EAR on Payara Server " + name + " did not answer discovery:\n" + tail());
    }

    /** A local asadmin command (start-domain, stop-domain: no admin port needed). */
    private void local(String... arguments) {
        List<String> command = new ArrayList<>(List.of(asadmin()));
        command.addAll(List.of(arguments));
        run(command, Map.of(), work.resolve("asadmin.log"));
    }

    /** A remote asadmin command through the domain's admin listener on 127.0.0.1. */
    private void remote(List<String> arguments, Path passwordFile) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                asadmin(),
                                "--host",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(adminPort())));
        if (passwordFile != null) {
            command.add("--passwordfile");
            command.add(passwordFile.toString());
        }
        command.addAll(arguments);
        run(command, Map.of(), work.resolve("asadmin.log"));
    }

    private String asadmin() {
        return home.resolve("bin/asadmin").toString();
    }

    private static Path script(String file) {
        return ItSettings.projectDir().resolve("deploy/payara-server").resolve(file);
    }

    private void run(List<String> command, Map<String, String> env, Path log) {
        createDirectories(work);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(work.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("OCM_"));
        builder.environment().putAll(env);
        Instant start = Instant.now();
        String what = command.size() > 1 ? describe(command) : command.get(0);
        try {
            appendLine(log, "$ " + what);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "did not finish in " + COMMAND_TIMEOUT + ": " + what + "\n" + tail());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "failed ("
                                + process.exitValue()
                                + "): "
                                + what
                                + "\n"
                                + Files.readString(log)
                                + "\nserver.log:\n"
                                + tail());
            }
            System.out.printf(
                    "PayaraServer %s: %s took %d ms%n",
                    name, what, Duration.between(start, Instant.now()).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The command without the asadmin/bash path and without file paths. */
    private static String describe(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String word : command) {
            words.add(word.contains("/") ? word.substring(word.lastIndexOf('/') + 1) : word);
        }
        return String.join(" ", words);
    }

    /**
     * Stops the domain ({@code asadmin stop-domain}); if that fails, ends the domain's own process
     * (its pid file) so that no server outlives the test.
     */
    @Override
    public void close() {
        if (!started) {
            return;
        }
        started = false;
        try {
            local("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (RuntimeException e) {
            System.out.println("PayaraServer " + name + ": stop-domain failed: " + e.getMessage());
            Path pidFile = domains.resolve(DOMAIN).resolve("config/pid");
            try {
                if (Files.isRegularFile(pidFile)) {
                    long pid = Long.parseLong(Files.readString(pidFile).strip());
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | NumberFormatException unreadable) {
                System.out.println("PayaraServer " + name + ": no pid: " + unreadable);
            }
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** An offset at which every default port of domain1, moved, is free on 127.0.0.1. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // highest moved port (8686) stays below Linux's ephemeral range (32768)
            int candidate = 10000 + ThreadLocalRandom.current().nextInt(140) * 100;
            boolean free = true;
            for (int port : DEFAULT_PORTS) {
                if (!isFree(port + candidate)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return candidate;
            }
        }
        throw new IllegalStateException("no port offset with free loopback ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    private static void writePrivate(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendLine(Path file, String line) throws IOException {
        Files.writeString(
                file,
                line + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort; the folder is the test's own
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(
                            source,
                            target,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property "
                            + name
                            + " is not set; run with -Docm.it.payara-server=true");
        }
        return value;
    }
}
