package dev.outdial.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium driven by Playwright, using the machine's own Chromium: Playwright never
 * downloads a browser here. Without Chromium the browser tests are skipped with a note, unless
 * {@code OUTDIAL_REQUIRE_BROWSER=1} (CI sets it), where a missing browser fails them.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OUTDIAL_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    public static Browser start() {
        new ExternalTool("Chromium", CHROMIUM, "the browser tests", "OUTDIAL_REQUIRE_BROWSER",
                "apt-get install chromium").require();
        return new Browser();
    }

    /** A fresh page with its own cookies, in the given language. */
    public Page newPage(String baseUrl, String language) {
        BrowserContext context = browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setLocale(language));
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
