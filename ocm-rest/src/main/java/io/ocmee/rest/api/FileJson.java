package io.ocmee.rest.api;

import io.ocmee.spi.ResourceInfo;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

/** The JSON form of folder listings in the user API. */
final class FileJson {

    private FileJson() {}

    /**
     * @param entries a folder's entries
     * @return {@code [{"name", "type": "file"|"folder", "size", "modified", "etag"}]}, {@code
     *     modified} as ISO-8601 UTC, {@code size} 0 for folders
     */
    static JsonArray listing(Iterable<ResourceInfo> entries) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ResourceInfo entry : entries) {
            array.add(
                    Json.createObjectBuilder()
                            .add("name", entry.name())
                            .add("type", entry.folder() ? "folder" : "file")
                            .add("size", entry.size())
                            .add("modified", entry.lastModified().toString())
                            .add("etag", entry.etag()));
        }
        return array.build();
    }
}
