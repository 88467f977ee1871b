package dev.outdial.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, {@code .yaml}) as a contract a generated
 * client can rely on: HTTP Basic everywhere, every error an {@code application/problem+json}
 * {@code ProblemDetail}, exact media types (CSV and .xlsx exports, event streams), and stable
 * operation ids and tags named after the handler and its resource ({@link ApiOperationNames}).
 */
@Configuration
class ApiDocs {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "ProblemDetail";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Bean
    OpenAPI outdialApi(@Value("${outdial.version:unknown}") String version) {
        return new OpenAPI()
                .info(new Info().title("Outdial API").version(version)
                        .description("""
                                Outbound call campaigns for contact centers: businesses, users, campaign settings, \
                                campaigns and their customers, the agents' work, live figures, reports and webhooks. \
                                Every call authenticates with HTTP Basic; every error is an RFC 9457 problem detail."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An Outdial user's e-mail address (or `operator`) and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Operation ids, summaries and tags from the handler: stable, unique, named after what they do. */
    @Bean
    OperationCustomizer operationNames(ApiOperationNames names) {
        return (operation, handler) -> {
            operation.setOperationId(names.operationId(handler));
            if (operation.getSummary() == null) {
                operation.setSummary(ApiOperationNames.summaryOf(operation.getOperationId()));
            }
            operation.setTags(List.of(ApiOperationNames.tagOf(handler.getBeanType())));
            return operation;
        };
    }

    /** The errors each operation may answer, exact media types for files and streams, the tags listed. */
    @Bean
    OpenApiCustomizer problemsAndMediaTypes() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                documentProblems(path, method, operation);
                exactMediaTypes(path, operation);
            }));
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().keySet().removeAll(List.of("SseEmitter", "StreamingResponseBody"));
            }
            TreeSet<String> tags = new TreeSet<>();
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> tags.addAll(op.getTags())));
            api.setTags(tags.stream().map(name -> new Tag().name(name)).toList());
        };
    }

    private static void documentProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> problems = new TreeMap<>();
        if (takesInput) {
            problems.put("400", "Bad input: `errors` names every field at fault");
        }
        problems.put("401", "No valid credentials");
        problems.put("403", "The user's role does not allow it");
        if (path.contains("{")) {
            problems.put("404", "Not found, or another business's");
        }
        if (method != PathItem.HttpMethod.GET) {
            problems.put("409", "The object's state refuses it (e.g. a wrong lifecycle step; see `currentStatus`, `reason`)");
        }
        problems.forEach((code, description) -> responses.putIfAbsent(code, problem(description)));
        responses.values().forEach(response -> {
            if (response.getContent() != null && response.getContent().containsKey("*/*")
                    && isProblem(response.getContent().get("*/*"))) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, response.getContent().get("*/*")));
            }
        });
    }

    private static boolean isProblem(MediaType media) {
        return media.getSchema() != null && String.valueOf(media.getSchema().get$ref()).endsWith("/" + PROBLEM);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /**
     * Exports are CSV or .xlsx files (binary: a client saves them, never parses them as JSON), the
     * import template .xlsx, audio files audio, event streams text; JSON stays JSON.
     */
    private static void exactMediaTypes(String path, Operation operation) {
        ApiResponse ok = operation.getResponses().get("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        if (path.endsWith("/export")) {
            ok.setContent(new Content()
                    .addMediaType("text/csv", new MediaType().schema(ApiSchemas.string("binary")))
                    .addMediaType(XLSX, new MediaType().schema(ApiSchemas.string("binary"))));
        } else if (path.endsWith(".xlsx")) {
            ok.setContent(new Content().addMediaType(XLSX, new MediaType().schema(ApiSchemas.string("binary"))));
        } else if (path.startsWith("/api/v1/audio/") && path.endsWith("/content")) {
            // The audio file as uploaded: WAV or MP3, answered with its own content type.
            ok.setContent(new Content().addMediaType("audio/*", new MediaType().schema(ApiSchemas.string("binary"))));
        } else if (ok.getContent().containsKey("text/event-stream")) {
            ok.setContent(new Content().addMediaType("text/event-stream", new MediaType().schema(ApiSchemas.string()
                    .description("Server-Sent Events: `id:`, `event:` and a JSON `data:` line each"))));
        } else if (ok.getContent().containsKey("*/*")) {
            MediaType media = ok.getContent().get("*/*");
            ok.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, media));
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> error = ApiSchemas.object()
                .addProperty("field", ApiSchemas.string().description("The input at fault, e.g. `url`, `body`, `admin.email`"))
                .addProperty("message", ApiSchemas.string().description("What is wrong, in the request's language"))
                .required(List.of("field", "message"));
        Schema<?> problem = ApiSchemas.object()
                .description("RFC 9457 problem details; a 409 may add members such as `currentStatus` or `reason`")
                .addProperty("type", ApiSchemas.string("uri"))
                .addProperty("title", ApiSchemas.string())
                .addProperty("status", ApiSchemas.int32().description("The HTTP status"))
                .addProperty("detail", ApiSchemas.string())
                .addProperty("instance", ApiSchemas.string("uri"))
                .addProperty("errors", ApiSchemas.array(error).description("Bad input: every field at fault"))
                .required(List.of("type", "title", "status", "detail"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
