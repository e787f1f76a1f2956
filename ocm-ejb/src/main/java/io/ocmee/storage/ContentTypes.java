package io.ocmee.storage;

import java.util.Locale;
import java.util.Map;

/**
 * Guesses a media type from a file name's extension, from a fixed table so that the answer does not
 * depend on the server's operating system. Unknown extensions are {@code application/octet-stream}.
 */
public final class ContentTypes {

    /** The type of anything not in the table. */
    public static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION =
            Map.ofEntries(
                    Map.entry("txt", "text/plain; charset=UTF-8"),
                    Map.entry("md", "text/markdown; charset=UTF-8"),
                    Map.entry("csv", "text/csv; charset=UTF-8"),
                    Map.entry("html", "text/html; charset=UTF-8"),
                    Map.entry("htm", "text/html; charset=UTF-8"),
                    Map.entry("xml", "application/xml"),
                    Map.entry("json", "application/json"),
                    Map.entry("pdf", "application/pdf"),
                    Map.entry("zip", "application/zip"),
                    Map.entry("gz", "application/gzip"),
                    Map.entry("png", "image/png"),
                    Map.entry("jpg", "image/jpeg"),
                    Map.entry("jpeg", "image/jpeg"),
                    Map.entry("gif", "image/gif"),
                    Map.entry("webp", "image/webp"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("mp3", "audio/mpeg"),
                    Map.entry("mp4", "video/mp4"),
                    Map.entry("odt", "application/vnd.oasis.opendocument.text"),
                    Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
                    Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
                    Map.entry(
                            "docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml"
                                    + ".document"),
                    Map.entry(
                            "xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    Map.entry(
                            "pptx",
                            "application/vnd.openxmlformats-officedocument.presentationml"
                                    + ".presentation"));

    private ContentTypes() {}

    /**
     * @param name a file name such as {@code report.PDF}
     * @return its media type, or {@link #UNKNOWN}
     */
    public static String guess(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
