package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The headers every answer carries, the session cookie's flags, and the templates' part of the
 * Content-Security-Policy: no inline script, handler or style for the policy to break. Runs with
 * the proxy setting the README gives for TLS at a proxy, so a forwarded https request is trusted.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class SecurityHeadersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\bth:on[a-z]+=|\\bhx-on|\\sstyle\\s*=|th:style|<style",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    Api api;

    @Test
    void pagesAndTheApiSendThePolicyAndTheReferrerPolicy() throws Exception {
        for (String path : List.of("/login", "/api/v1/me")) {
            HttpResponse<String> response = get(path, false);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureOnlyOverTls() throws Exception {
        String plain = sessionCookie(get("/login", false));
        assertThat(plain).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");

        String overTls = sessionCookie(get("/login", true));
        assertThat(overTls).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("; Secure");
    }

    @Test
    void noTemplateHasAnInlineScriptHandlerOrStyle() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            List<String> inline = files.filter(file -> file.toString().endsWith(".html"))
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> INLINE.matcher(line).find())
                            .map(line -> templates.relativize(file) + ": " + line.strip()))
                    .toList();
            assertThat(inline).isEmpty();
        }
    }

    private HttpResponse<String> get(String path, boolean forwardedTls) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET();
        if (forwardedTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
