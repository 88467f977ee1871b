package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: a Java client generated from the live OpenAPI document by openapi-generator
 * ({@code java} generator, {@code native} library), with no fix by hand, compiles and runs a
 * campaign's lifecycle: hotline, working hours, campaign, customers added and listed, approved,
 * started, its progress read and its customers exported. The generator and the client's libraries
 * come from {@code target/api-client-tools} (maven-dependency-plugin), apart from the test classpath.
 */
@OutdialIntegrationTest
@Tag("slow") // Generates and compiles an API client: left out of the fast suite.
@Tag("database-neutral") // The API client built from the OpenAPI document: run once, not again on PostgreSQL.
class GeneratedClientTest {

    private static final Path TOOLS = Path.of("target/api-client-tools");
    private static final Path WORK = Path.of("target/api-client");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    JsonNode document;
    ClassLoader client;
    Object apiClient;

    @Test
    void aGeneratedClientRunsACampaignsLifecycle() throws Exception {
        String text = api.operator().get("/v3/api-docs").expect(200).body();
        document = JSON.readTree(text);
        generateAndCompile(text);
        TestBusiness business = api.newBusiness("generated-client");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        connect("admin@" + business.domain(), "admin-password");

        JsonNode hotline = call("post", "/api/v1/hotlines", Map.of("number", "+84 28 7300 9901", "name", "Client line",
                "group", "Generated"));
        Map<String, Object> week = Map.of("MONDAY", List.of(List.of("08:00", "17:00")),
                "TUESDAY", List.of(List.of("08:00", "17:00")));
        JsonNode hours = call("post", "/api/v1/working-hours", Map.of("name", "Client hours", "week", week,
                "holidays", List.of()));
        Map<String, Object> settings = fixtures.fullBody("Generated", "PREVIEW");
        settings.put("hotlineIds", List.of(hotline.get("id").asLong()));
        settings.put("workingHoursId", hours.get("id").asLong());
        JsonNode campaign = call("post", "/api/v1/campaigns", settings);
        long id = campaign.get("id").asLong();
        assertThat(campaign.get("status").asString()).isEqualTo("UNAPPROVED");

        JsonNode added = call("post", "/api/v1/campaigns/{campaignId}/customers", id, Map.of("customers", List.of(
                Map.of("name", "An", "phone", "0912000201", "externalId", "CRM-201"),
                Map.of("name", "Bình", "phone", "0912000202"))));
        assertThat(added.get("added").asInt()).isEqualTo(2);
        JsonNode listed = call("get", "/api/v1/campaigns/{campaignId}/customers", id);
        assertThat(listed.get("items").findValuesAsString("name")).containsExactlyInAnyOrder("An", "Bình");
        assertThat(call("post", "/api/v1/campaigns/{id}/approve", id).get("status").asString()).isEqualTo("APPROVED");
        assertThat(call("post", "/api/v1/campaigns/{id}/start", id).get("status").asString()).isEqualTo("RUNNING");
        JsonNode progress = call("get", "/api/v1/campaigns/{campaignId}/progress", id);
        assertThat(progress.isObject()).isTrue();
        Object export = invoke("get", "/api/v1/campaigns/{campaignId}/customers/export", id, "csv");
        assertThat(exportedText(export)).contains("An").contains("+84912000201");
    }

    private void generateAndCompile(String documentText) throws IOException, InterruptedException {
        Path generated = WORK.resolve("generated");
        Path classes = WORK.resolve("classes");
        deleteAll(WORK);
        Files.createDirectories(classes);
        Path spec = WORK.resolve("openapi.json");
        Files.writeString(spec, documentText);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process generator = new ProcessBuilder(java.toString(), "-jar",
                TOOLS.resolve("openapi-generator-cli.jar").toString(), "generate", "-g", "java", "--library", "native",
                "-i", spec.toString(), "-o", generated.toString(),
                "--additional-properties=invokerPackage=dev.outdial.client,apiPackage=dev.outdial.client.api,"
                        + "modelPackage=dev.outdial.client.model,useJakartaEe=true,openApiNullable=false,"
                        + "hideGenerationTimestamp=true")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("generator.log").toFile()).start();
        int exit = generator.waitFor();
        assertThat(exit).as(Files.readString(WORK.resolve("generator.log"))).isZero();

        List<String> sources;
        try (Stream<Path> files = Files.walk(generated.resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn", "-proc:none",
                "-encoding", "UTF-8", "-classpath", String.join(File.pathSeparator, libraries())));
        arguments.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int compiled = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(compiled).as("the generated client compiles as it is:\n" + errors.toString(StandardCharsets.UTF_8))
                .isZero();

        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String library : libraries()) {
            urls.add(Path.of(library).toUri().toURL());
        }
        client = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static List<String> libraries() throws IOException {
        try (Stream<Path> jars = Files.list(TOOLS)) {
            return jars.filter(jar -> jar.toString().endsWith(".jar") && !jar.getFileName().toString()
                    .startsWith("openapi-generator-cli")).map(Path::toString).sorted().toList();
        }
    }

    private void connect(String user, String password) throws ReflectiveOperationException {
        apiClient = client.loadClass("dev.outdial.client.ApiClient").getConstructor().newInstance();
        apiClient.getClass().getMethod("updateBaseUri", String.class).invoke(apiClient, api.baseUrl());
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Consumer<HttpRequest.Builder> basic = request -> request.header("Authorization", "Basic " + credentials);
        apiClient.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, basic);
    }

    /** The operation's answer as JSON: the generated model written back by the client's own mapper. */
    private JsonNode call(String method, String path, Object... arguments) throws ReflectiveOperationException {
        Object answer = invoke(method, path, arguments);
        Object mapper = apiClient.getClass().getMethod("getObjectMapper").invoke(apiClient);
        String json = (String) mapper.getClass().getMethod("writeValueAsString", Object.class).invoke(mapper, answer);
        return JSON.readTree(json);
    }

    /**
     * Calls the operation of {@code method path} on its generated API class (named after its tag),
     * by its operationId; a map argument becomes the parameter's model through the client's mapper.
     */
    private Object invoke(String method, String path, Object... arguments) throws ReflectiveOperationException {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        String tag = operation.get("tags").get(0).asString();
        String apiName = Arrays.stream(tag.split("[^A-Za-z0-9]+")).filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1)).reduce("", String::concat) + "Api";
        Class<?> apiClass = client.loadClass("dev.outdial.client.api." + apiName);
        Object apiObject = apiClass.getConstructor(apiClient.getClass()).newInstance(apiClient);
        String operationId = operation.get("operationId").asString();
        Method target = Arrays.stream(apiClass.getMethods()).filter(candidate -> candidate.getName().equals(operationId))
                .findFirst().orElseThrow(() -> new AssertionError("no method " + operationId + " on " + apiName));
        Object mapper = apiClient.getClass().getMethod("getObjectMapper").invoke(apiClient);
        Parameter[] parameters = target.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Object given = i < arguments.length ? arguments[i] : null;
            values[i] = given == null ? null : mapper.getClass().getMethod("convertValue", Object.class, Class.class)
                    .invoke(mapper, given, parameters[i].getType());
        }
        try {
            return target.invoke(apiObject, values);
        } catch (InvocationTargetException failure) {
            throw new AssertionError(operationId + " failed: " + failure.getCause(), failure.getCause());
        }
    }

    private static String exportedText(Object export) throws IOException {
        if (export instanceof File file) {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        }
        return String.valueOf(export);
    }

    private static void deleteAll(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
