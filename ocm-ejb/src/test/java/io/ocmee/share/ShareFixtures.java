package io.ocmee.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the JSON fixtures under {@code src/test/resources}. */
public final class ShareFixtures {

    private ShareFixtures() {}

    /**
     * @param path e.g. {@code shares/reva-multi-empty-options.json}
     * @return its bytes
     */
    public static byte[] read(String path) {
        try (InputStream in = ShareFixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("fixture rejected: no " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
