package io.ocmee.storage;

import io.ocmee.spi.ResourceContent;
import io.ocmee.spi.ResourceInfo;
import java.util.List;

/** What reading a path of the caller's space gives: a folder's listing or a file's content. */
public sealed interface FileRead {

    /**
     * A folder and its entries.
     *
     * @param folder the folder
     * @param entries its direct entries, ordered by name
     */
    record Listing(ResourceInfo folder, List<ResourceInfo> entries) implements FileRead {}

    /**
     * An open file; the receiver must close {@code content}.
     *
     * @param content the open file
     * @param contentType its media type, guessed from its name
     */
    record Download(ResourceContent content, String contentType) implements FileRead {}
}
