package io.ocmee.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Discovery documents for tests. The files under {@code src/test/resources/discovery/} were written
 * for this project from the implementer notes (§2, §11); they are not captures of real servers.
 */
final class Fixtures {

    private Fixtures() {}

    /**
     * @param name file name under {@code discovery/}
     * @return its bytes
     */
    static byte[] discovery(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/discovery/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture rejected: no discovery/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the OpenAPI 1.4.0 discovery example, read in place from the conformance pack
     */
    static byte[] openApiExample() {
        String dir = System.getProperty("ocm.conformance.dir", "../../shared/conformance");
        try {
            return Files.readAllBytes(Path.of(dir, "ocm-openapi-1.4.0-examples", "discovery.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
