package io.ocmee.api;

import jakarta.ejb.Local;
import java.io.InputStream;

/** The local view of {@link Inbox}, which adds streaming of large files. */
@Local
public interface InboxLocal extends Inbox {

    /**
     * Opens a file of an accepted received share at the sending server, for files of any size.
     * Joins no transaction. The caller reads the stream and must close it, also when it stops
     * early; closing releases the connection to the sending server.
     *
     * @param id the share's id
     * @param path the file's path inside a shared folder; empty or {@code null} for a shared file
     * @return the content as it arrives
     * @throws OcmApiException the failures of {@link #listing}, raised before any byte is read
     */
    InputStream open(String id, String path);
}
