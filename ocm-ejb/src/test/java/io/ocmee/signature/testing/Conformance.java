package io.ocmee.signature.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code shared/conformance}, read in place: the system property {@code
 * ocm.conformance.dir} (set by surefire), else the first {@code shared/conformance} found walking
 * up from the working directory.
 */
public final class Conformance {

    private static final Path DIR = locate();

    private Conformance() {}

    /**
     * @return the conformance directory
     */
    public static Path dir() {
        return DIR;
    }

    /**
     * @return the exact bytes of a file below the conformance directory
     */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(DIR.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the file as text (the pack is ASCII; decoded as UTF-8), no bytes added or removed
     */
    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    private static Path locate() {
        String property = System.getProperty("ocm.conformance.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "Known-answer data not found: set -Docm.conformance.dir or run below a directory"
                        + " that has shared/conformance");
    }
}
