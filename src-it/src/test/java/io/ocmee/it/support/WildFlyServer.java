package io.ocmee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OCM-EE EAR on a real WildFly server, prepared as README "Deploying into your server"
 * describes: {@code deploy/wildfly/ocm.cli} (PostgreSQL driver, data source, security domain "ocm")
 * run in an embedded CLI, users in the properties realm, then a normal start and a {@code deploy}
 * of the EAR through the management interface.
 *
 * <p>Every listener (HTTP, HTTPS, management) is bound to 127.0.0.1 on free ports. The unpacked
 * distribution ({@code ocm.it.wildfly.home}) is never changed: the server runs on its own base
 * directory in the IT work folder. Needs PostgreSQL (the suite's {@code ocm.it.pg.url}). Not
 * thread-safe; one test thread drives it.
 */
public final class WildFlyServer implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT =
            Duration.ofSeconds(Math.max(240, Long.getLong("ocm.it.startup-timeout-seconds", 0)));
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(240);
    private static final String REALM = "ApplicationRealm";
    private static final String MANAGEMENT_REALM = "ManagementRealm";
    private static final String JMX_USER = "ocm-it-jmx";
    private static final Pattern LOG_TIME = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d,\\d{3})");

    private final String name;
    private final Path home;
    private final Path base;
    private final int httpPort;
    private final int managementPort;
    private final String jmxPassword = java.util.UUID.randomUUID().toString();
    private final List<Integer> otherPorts;
    private Process process;

    /**
     * How long each phase took, for the CI report.
     *
     * @param configure the embedded CLI run (driver, data source, security domain, EAR)
     * @param boot from the start command to a discovery answer, deployment included
     * @param deploy the EAR's part of the boot, from the server's log
     */
    public record Timings(Duration configure, Duration boot, Duration deploy) {

        @Override
        public String toString() {
            return "configure "
                    + configure.toMillis()
                    + " ms, boot with deployment "
                    + boot.toMillis()
                    + " ms (EAR deployment "
                    + deploy.toMillis()
                    + " ms)";
        }
    }

    private Timings timings;

    private WildFlyServer(String name) {
        this.name = name;
        this.home = Path.of(required("ocm.it.wildfly.home"));
        this.httpPort = freePort();
        this.managementPort = freePort();
        this.otherPorts = List.of(freePort(), freePort());
        this.base = ItSettings.workDir().resolve(name + "-" + httpPort);
    }

    /**
     * @return whether the suite was asked to run the WildFly tests ({@code -Docm.it.wildfly=true}
     *     sets {@code ocm.it.wildfly.home})
     */
    public static boolean enabled() {
        String home = System.getProperty("ocm.it.wildfly.home");
        return home != null && !home.isBlank();
    }

    /**
     * Configures a fresh server, starts it, deploys the EAR and waits for its discovery document.
     *
     * @param name a short name used in file names
     * @param settings the module's settings as {@code ocm.*} system properties; {@code
     *     ocm.public-url} and {@code ocm.data-dir} are added
     * @param users user name to {password, role} in the properties realm
     * @return the running server
     */
    public static WildFlyServer start(
            String name, Map<String, String> settings, Map<String, String[]> users) {
        return start(name, settings, users, List.of());
    }

    /**
     * Like {@link #start(String, Map, Map)}, with jboss-cli commands of the test's own (another
     * realm, say) run in the same embedded server after {@code deploy/wildfly/ocm.cli} and before
     * the EAR is deployed: the first start reads the configuration they leave, so no reload is
     * needed.
     *
     * @param name a short name used in file names
     * @param settings the module's settings as {@code ocm.*} system properties
     * @param users user name to {password, role} in the properties realm
     * @param commands jboss-cli commands, one per element, in order
     * @return the running server
     */
    public static WildFlyServer start(
            String name,
            Map<String, String> settings,
            Map<String, String[]> users,
            List<String> commands) {
        WildFlyServer server = new WildFlyServer(name);
        try {
            server.startAndDeploy(settings, users, commands);
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
        return "http://localhost:" + httpPort;
    }

    /**
     * @return the provider authority of local OCM addresses, {@code localhost:<port>}
     */
    public String authority() {
        return "localhost:" + httpPort;
    }

    /**
     * @return how long configuring, booting and deploying took
     */
    public Timings timings() {
        return timings;
    }

    /**
     * @return the server log so far
     */
    public String log() {
        try {
            return Files.readString(base.resolve("console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Connects to the server's MBeans as JConsole does through WildFly's {@code bin/jconsole.sh}:
     * JMX over the management interface ({@code remote+http://127.0.0.1:<management port>}), with
     * the client jar of the distribution and a management user added for the test. The caller
     * closes the connector, then the class loader.
     *
     * @return the open connector and the class loader of the WildFly client jar
     */
    public Jmx connectJmx() {
        Path client = home.resolve("bin/client/jboss-cli-client.jar");
        if (!Files.isRegularFile(client)) {
            throw new IllegalStateException("no JMX client in the distribution: " + client);
        }
        java.net.URLClassLoader loader;
        try {
            loader =
                    new java.net.URLClassLoader(
                            new java.net.URL[] {client.toUri().toURL()},
                            WildFlyServer.class.getClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            javax.management.remote.JMXServiceURL url =
                    new javax.management.remote.JMXServiceURL(
                            "service:jmx:remote+http://127.0.0.1:" + managementPort);
            Map<String, Object> environment = new java.util.HashMap<>();
            environment.put(
                    javax.management.remote.JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER,
                    loader);
            environment.put(
                    javax.management.remote.JMXConnector.CREDENTIALS,
                    new String[] {JMX_USER, jmxPassword});
            return new Jmx(
                    javax.management.remote.JMXConnectorFactory.connect(url, environment), loader);
        } catch (IOException e) {
            closeQuietly(loader);
            throw new UncheckedIOException("JMX connection to WildFly " + name + " failed", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * An open JMX connection to WildFly and the class loader of its client jar.
     *
     * @param connector the connector
     * @param loader the class loader, closed after the connector
     */
    public record Jmx(
            javax.management.remote.JMXConnector connector, java.net.URLClassLoader loader)
            implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                connector.close();
            } finally {
                loader.close();
            }
        }
    }

    private static void closeQuietly(java.net.URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    private void startAndDeploy(
            Map<String, String> settings, Map<String, String[]> users, List<String> commands) {
        String database = OcmInstance.createDatabase(name + "_" + httpPort);
        if (database == null) {
            throw new IllegalStateException(
                    "the WildFly tests need PostgreSQL: set ocm.it.pg.url (see .ci/run)");
        }
        Instant t0 = Instant.now();
        prepareBaseDirectory(users);
        configure(commands);
        Instant t1 = Instant.now();
        boot(database, settings);
        awaitDiscovery();
        Instant t2 = Instant.now();
        timings = new Timings(Duration.between(t0, t1), Duration.between(t1, t2), deployTime());
    }

    /** From "Starting deployment" to "Deployed" of the EAR, as the server logged them. */
    private Duration deployTime() {
        LocalTime started = null;
        LocalTime deployed = null;
        for (String line : log().lines().toList()) {
            if (line.contains("WFLYSRV0027") && line.contains("\"ocm.ear\"")) {
                started = logTime(line);
            } else if (line.contains("WFLYSRV0010") && line.contains("\"ocm.ear\"")) {
                deployed = logTime(line);
            }
        }
        if (started == null || deployed == null) {
            throw new IllegalStateException("no deployment of ocm.ear in the log:\n" + tail());
        }
        return Duration.between(started, deployed);
    }

    private static LocalTime logTime(String line) {
        Matcher time = LOG_TIME.matcher(line);
        if (!time.find()) {
            throw new IllegalStateException("no time in log line: " + line);
        }
        return LocalTime.parse(time.group(1).replace(',', '.'));
    }

    /** A private copy of the standalone configuration, with the test users. */
    private void prepareBaseDirectory(Map<String, String[]> users) {
        Path configuration = base.resolve("configuration");
        createDirectories(base.resolve("deployments"));
        copyTree(home.resolve("standalone").resolve("configuration"), configuration);
        StringBuilder userLines = new StringBuilder();
        StringBuilder roleLines = new StringBuilder();
        users.forEach(
                (user, passwordAndRole) -> {
                    userLines
                            .append(user)
                            .append('=')
                            .append(digest(user, passwordAndRole[0]))
                            .append('\n');
                    roleLines.append(user).append('=').append(passwordAndRole[1]).append('\n');
                });
        append(configuration.resolve("application-users.properties"), userLines.toString());
        append(
                configuration.resolve("mgmt-users.properties"),
                JMX_USER + "=" + digest(JMX_USER, MANAGEMENT_REALM, jmxPassword) + "\n");
        append(configuration.resolve("application-roles.properties"), roleLines.toString());
    }

    /**
     * Runs the project's own CLI script in an embedded server (no socket is opened), after binding
     * both interfaces to 127.0.0.1, then the caller's own commands, then deploys the EAR.
     */
    private void configure(List<String> commands) {
        try {
            String script =
                    "embed-server --server-config=standalone.xml --std-out=discard\n"
                        + "/interface=public:write-attribute(name=inet-address,value=127.0.0.1)\n"
                        + "/interface=management:write-attribute(name=inet-address,value=127.0.0.1)\n"
                            + Files.readString(
                                    ItSettings.projectDir().resolve("deploy/wildfly/ocm.cli"))
                            + "\n"
                            + String.join("\n", commands)
                            + "\ndeploy "
                            + earPath()
                            + " --name=ocm.ear\n"
                            + "stop-embedded-server\n";
            Path file = base.resolve("configure.cli");
            Files.writeString(file, script);
            Path properties = base.resolve("cli.properties");
            Files.writeString(properties, "ocm.jdbc.driver.jar=" + driverPath() + "\n");
            run(
                    List.of(
                            "bash",
                            home.resolve("bin/jboss-cli.sh").toString(),
                            "--file=" + file,
                            "--properties=" + properties),
                    Map.of("JAVA_OPTS", "-Djboss.server.base.dir=" + base),
                    base.resolve("configure.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot(String database, Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ocm.datasource.url", database);
        properties.put("ocm.datasource.user", ItSettings.postgresUser());
        properties.put("ocm.datasource.password", ItSettings.postgresPassword());
        properties.put("ocm.public-url", url());
        properties.put("ocm.data-dir", base.resolve("ocm-data").toString());
        properties.putAll(settings);
        Path propertiesFile = base.resolve("server.properties");
        writePrivate(propertiesFile, properties);

        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(home.resolve("bin/standalone.sh").toString());
        command.addAll(
                List.of(
                        "-c",
                        "standalone.xml",
                        "-b",
                        "127.0.0.1",
                        "-bmanagement",
                        "127.0.0.1",
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.http.port=" + httpPort,
                        "-Djboss.https.port=" + otherPorts.get(0),
                        "-Djboss.management.http.port=" + managementPort,
                        "-Djboss.management.https.port=" + otherPorts.get(1),
                        "-P",
                        propertiesFile.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(base.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        base.resolve("console.log").toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("OCM_"));
        builder.environment().put("JBOSS_PIDFILE", base.resolve("server.pid").toString());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start WildFly " + name, e);
        }
        awaitLog("WFLYSRV0025");
    }

    private void awaitLog(String started) {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String log = log();
            if (log.contains(started)) {
                return;
            }
            if (log.contains("WFLYSRV0026") || !process.isAlive()) {
                throw new IllegalStateException(
                        "WildFly " + name + " did not start cleanly:\n" + tail());
            }
            pause();
        }
        throw new IllegalStateException(
                "WildFly " + name + " did not start in " + BOOT_TIMEOUT + ":\n" + tail());
    }

    private void awaitDiscovery() {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Http.get("http://127.0.0.1:" + httpPort + "/.well-known/ocm").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            pause();
        }
        throw new IllegalStateException(
                "the EAR on WildFly " + name + " did not answer discovery:\n" + tail());
    }

    /** Runs one command through the management interface on 127.0.0.1. */
    private void cli(String command) {
        run(
                List.of(
                        "bash",
                        home.resolve("bin/jboss-cli.sh").toString(),
                        "--connect",
                        "--controller=127.0.0.1:" + managementPort,
                        "--command=" + command),
                Map.of(),
                base.resolve("cli.log"));
    }

    private void run(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(base.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Process cli = builder.start();
            if (!cli.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException(
                        "jboss-cli did not finish in " + COMMAND_TIMEOUT + ": " + command);
            }
            if (cli.exitValue() != 0) {
                throw new IllegalStateException(
                        "jboss-cli failed ("
                                + cli.exitValue()
                                + "): "
                                + command.get(command.size() - 1)
                                + "\n"
                                + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Shuts the server down through its management interface, then waits for the process. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                cli(":shutdown");
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            process = null;
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static Path earPath() {
        return Path.of(required("ocm.it.ear"));
    }

    private static Path driverPath() {
        return Path.of(required("ocm.it.pg.driver"));
    }

    /** The properties realm's stored form: hex MD5 of {@code user:realm:password}. */
    private static String digest(String user, String password) {
        return digest(user, REALM, password);
    }

    private static String digest(String user, String realm, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] hash =
                    md5.digest(
                            (user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePrivate(Path file, Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach(
                (key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
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

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(
                    file,
                    text,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set; run with -Docm.it.wildfly=true");
        }
        return value;
    }
}
