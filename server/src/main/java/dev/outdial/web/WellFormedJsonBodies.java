package dev.outdial.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body to its end before any field of it is judged. Jackson binds as it
 * parses, so a truncated body ({@code {"role":"KING"} without its closing brace) would otherwise be
 * answered with an error about {@code role}, as if it had been read whole; a body that is not JSON
 * is named as such ({@code body}) instead. API bodies are small; reading them twice costs little.
 */
@RestControllerAdvice(annotations = RestController.class)
class WellFormedJsonBodies extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    /**
     * The application's mapper without duplicate-key detection: a key given twice is well-formed
     * JSON, and binding names it with its path ({@code nodes[0].keys}), which {@code body} would not.
     */
    WellFormedJsonBodies(JsonMapper json) {
        this.json = json.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (!isJson(input.getHeaders().getContentType())) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        try (JsonParser parser = json.createParser(body)) {
            // One value and nothing after it; the tokens are read, never bound.
            if (parser.nextToken() != null) {
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new StreamReadException(parser, "Unexpected content after the JSON value");
                }
            }
        } catch (StreamReadException malformed) {
            throw new HttpMessageNotReadableException("Malformed JSON body", malformed, input);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || "json".equals(type.getSubtypeSuffix()));
    }
}
