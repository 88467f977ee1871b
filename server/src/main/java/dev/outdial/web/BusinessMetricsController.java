package dev.outdial.web;

import dev.outdial.shared.CurrentUser;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A business admin's Prometheus scrape: only the series tagged with their own business. The
 * platform-wide scrape, {@code /actuator/prometheus}, is the operator's: it shows every business.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class BusinessMetricsController {

    /** Prometheus's text format, version 0.0.4: what every scraper reads. */
    static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    private final PrometheusMeterRegistry registry;

    BusinessMetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/api/v1/metrics", produces = "text/plain")
    ResponseEntity<String> scrape(@AuthenticationPrincipal CurrentUser me) {
        return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(onlyBusiness(registry.scrape(), me.businessId()));
    }

    /** The samples labelled {@code business="<id>"}, each family's HELP and TYPE lines before them. */
    static String onlyBusiness(String scrape, long businessId) {
        Pattern mine = Pattern.compile("[{,]business=\"" + businessId + "\"[,}]");
        StringBuilder out = new StringBuilder();
        List<String> headers = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        boolean inSamples = false;
        for (String line : scrape.lines().toList()) {
            if (line.startsWith("#")) {
                if (inSamples) {
                    flush(out, headers, samples);
                    inSamples = false;
                }
                headers.add(line);
            } else if (!line.isBlank()) {
                inSamples = true;
                if (mine.matcher(line).find()) {
                    samples.add(line);
                }
            }
        }
        flush(out, headers, samples);
        return out.toString();
    }

    /** A family's lines, if any of its samples is kept. */
    private static void flush(StringBuilder out, List<String> headers, List<String> samples) {
        if (!samples.isEmpty()) {
            headers.forEach(line -> out.append(line).append('\n'));
            samples.forEach(line -> out.append(line).append('\n'));
        }
        headers.clear();
        samples.clear();
    }
}
