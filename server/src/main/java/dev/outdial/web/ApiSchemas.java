package dev.outdial.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Schemas written by hand for the OpenAPI 3.1 document, typed the 3.1 way ({@code type} as a
 * JSON Schema type set; {@code null} one of them) as well as the 3.0 way, so whichever the
 * document is written as, the type is there.
 */
public final class ApiSchemas {

    private ApiSchemas() {
    }

    public static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }

    public static Schema<Object> string() {
        return typed("string");
    }

    public static Schema<Object> string(String format) {
        return typed("string").format(format);
    }

    public static Schema<Object> int64() {
        return typed("integer").format("int64");
    }

    public static Schema<Object> int32() {
        return typed("integer").format("int32");
    }

    public static Schema<Object> object() {
        return typed("object");
    }

    public static Schema<Object> array(Schema<?> items) {
        return typed("array").items(items);
    }

    public static Schema<Object> enumOf(Enum<?>[] values) {
        return enumOf(Arrays.stream(values).map(Enum::name).toList());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Schema<Object> enumOf(List<String> values) {
        Schema schema = string();
        schema.setEnum(values);
        return schema;
    }

    /**
     * The schema, or null: {@code null} added to its types (and to its values, if it lists them);
     * a reference becomes one of the two; a schema of any type already takes null.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Schema<?> nullable(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return new Schema().anyOf(List.of(new Schema().$ref(schema.get$ref()), typed("null")));
        }
        boolean anyType = (schema.getTypes() == null || schema.getTypes().isEmpty()) && schema.getType() == null;
        if (anyType) {
            return schema;
        }
        schema.addType("null");
        schema.setNullable(true);
        if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
            List values = new ArrayList<>(schema.getEnum());
            values.add(null);
            ((Schema) schema).setEnum(values);
        }
        return schema;
    }
}
