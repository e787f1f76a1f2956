/*
 * Writes the demo users of the embedded default into a key file of the container's file realm,
 * so that logins go through the container's own realm and no code of ours checks passwords.
 *
 * Usage: java bin/DemoRealm.java <key file> "<name:password[:role],...>"
 *
 * The key file holds one line per user, "name;{SSHA256}<base64(hash || salt)>;group[,group]":
 * the format of the GlassFish/Payara file realm, whose hash is SHA-256 over the password bytes
 * followed by an 8-byte random salt, digested again 99 times. The file is written with owner-only
 * permissions; passwords are never printed.
 */
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class DemoRealm {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            fail("usage: java bin/DemoRealm.java <key file> <name:password[:role],...>");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String entry : args[1].split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                String[] parts = parse(trimmed);
                if (lines.containsKey(parts[0])) {
                    fail("OCM_DEMO_USERS names user '" + parts[0] + "' twice");
                }
                lines.put(parts[0], parts[0] + ";" + hash(parts[1]) + ";" + groups(parts));
            }
        }
        write(Path.of(args[0]), new ArrayList<>(lines.values()));
    }

    private static String[] parse(String entry) {
        String[] parts = entry.split(":", -1);
        String name = parts[0];
        // The same rule as the file storage's user folders: no '.', '..' or leading dot/dash.
        if (parts.length < 2 || parts.length > 3 || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            fail("bad OCM_DEMO_USERS entry for user '" + name + "': use name:password[:role]"
                    + " with a name of at most 64 letters, digits, '.', '_' or '-' that starts"
                    + " with a letter or digit");
        }
        if (parts[1].isEmpty() || parts[1].chars().anyMatch(Character::isWhitespace)) {
            fail("bad OCM_DEMO_USERS entry for user '" + name + "': the password must be"
                    + " non-empty and without spaces");
        }
        if (parts.length == 3 && !parts[2].equals("ocm-user") && !parts[2].equals("ocm-admin")) {
            fail("bad OCM_DEMO_USERS entry for user '" + name + "': role must be ocm-user or"
                    + " ocm-admin, not '" + parts[2] + "'");
        }
        return parts;
    }

    private static String groups(String[] parts) {
        return parts.length == 3 && parts[2].equals("ocm-admin") ? "ocm-user,ocm-admin" : "ocm-user";
    }

    private static String hash(String password) throws Exception {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        byte[] pwd = password.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[pwd.length + salt.length];
        System.arraycopy(pwd, 0, input, 0, pwd.length);
        System.arraycopy(salt, 0, input, pwd.length, salt.length);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] digest = sha.digest(input);
        for (int round = 2; round <= 100; round++) {
            digest = sha.digest(digest);
        }
        byte[] out = new byte[digest.length + salt.length];
        System.arraycopy(digest, 0, out, 0, digest.length);
        System.arraycopy(salt, 0, out, digest.length, salt.length);
        return "{SSHA256}" + Base64.getEncoder().encodeToString(out);
    }

    private static void write(Path file, List<String> lines) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void fail(String message) {
        System.err.println("ocm-run: " + message);
        System.exit(2);
    }
}
