package dev.outdial.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Makes a record's schema say what the server sends: every component is written, so each is
 * {@code required} (unless the record leaves out nulls, {@code @JsonInclude(NON_NULL)}); a
 * component of a reference type may be null, so its schema allows {@code null}; a primitive never
 * is. Without this a generated client takes every field for optional and chokes on a null.
 */
@Component
class RecordSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        JsonInclude include = raw.getAnnotation(JsonInclude.class);
        boolean leavesOutNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
        Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema<?> property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (!leavesOutNulls) {
                required.add(component.getName());
            }
            if (!component.getType().isPrimitive()) {
                properties.put(component.getName(), ApiSchemas.nullable(property));
            }
        }
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return schema;
    }
}
