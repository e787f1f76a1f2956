package io.ocmee.rest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the JAX-RS resources of the user, admin and operations API
 * (packages {@code io.ocmee.rest.api}, {@code .admin}, {@code .ops}): the same set of operations
 * ({@code METHOD /path/{param}}), both ways.
 */
class OpenApiDocumentTest {

    private static final List<String> PACKAGES =
            List.of("io.ocmee.rest.api", "io.ocmee.rest.admin", "io.ocmee.rest.ops");

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonObject document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT);
                JsonReader reader = Json.createReader(in)) {
            document = reader.readObject();
        }
    }

    @Test
    void everyResourceOperationIsDocumentedAndNothingElse() throws Exception {
        Set<String> implemented = implemented();
        assertThat(implemented).as("resource scan").contains("GET /api/v1/me");
        assertThat(documented()).isEqualTo(implemented);
    }

    @Test
    void documentIsOpenApi3WithBasicSecurityAndResolvableReferences() {
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes"))
                .containsKey("basic");
        Set<String> schemas =
                document.getJsonObject("components").getJsonObject("schemas").keySet();
        String text = document.toString();
        java.util.regex.Matcher refs =
                java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(text);
        int count = 0;
        while (refs.find()) {
            assertThat(schemas).contains(refs.group(1));
            count++;
        }
        assertThat(count).isPositive();
    }

    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String key : paths.getJsonObject(path).keySet()) {
                if (METHODS.contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }

    private static Set<String> implemented() throws IOException, URISyntaxException {
        Set<String> operations = new TreeSet<>();
        java.nio.file.Path classes =
                Paths.get(
                        OpenApiResource.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        for (String pkg : PACKAGES) {
            java.nio.file.Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<java.nio.file.Path> files = Files.list(dir)) {
                for (java.nio.file.Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".class") || name.contains("$")) {
                        continue;
                    }
                    Class<?> type;
                    try {
                        type = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new IllegalStateException("cannot load " + name, e);
                    }
                    Path root = type.getAnnotation(Path.class);
                    if (root == null) {
                        continue;
                    }
                    for (Method method : type.getMethods()) {
                        String verb = verb(method);
                        if (verb == null) {
                            continue;
                        }
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(root.value(), sub == null ? "" : sub.value());
                        operations.add(verb + " " + path);
                    }
                }
            }
        }
        return operations;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /**
     * Joins class and method paths and drops regular expressions: {@code {path: .+}} is {@code
     * {path}}.
     */
    static String join(String root, String sub) {
        String path = "/" + root.replaceAll("^/+|/+$", "");
        String tail = sub.replaceAll("^/+|/+$", "");
        if (!tail.isEmpty()) {
            path = path + "/" + tail;
        }
        return path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
