package io.ocmee.it.support;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates JSON against a schema of the OCM OpenAPI 1.4.0 document in {@code
 * ../shared/conformance}, read in place, with the OpenAPI 3.0 schema dialect.
 */
public final class Schemas {

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V4,
                    builder ->
                            builder.metaSchema(OpenApi30.getInstance())
                                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private Schemas() {}

    /**
     * @param schemaName a name under {@code components/schemas}, e.g. {@code Discovery}
     * @param json the document to check
     * @return the violations, one line each; empty when valid
     */
    public static String violations(String schemaName, String json) {
        String location =
                ItSettings.conformanceDir().resolve("ocm-openapi-1.4.0.yaml").toUri()
                        + "#/components/schemas/"
                        + schemaName;
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(location));
        Set<ValidationMessage> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(ValidationMessage::toString).collect(Collectors.joining("\n"));
    }
}
