package dev.outdial.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a large CSV into a campaign of a running Outdial and times the customer list: the first
 * page, a deep page, a wildcard search and a status filter. Prints a Markdown table.
 *
 * <p>Usage: {@code CustomerListBench BASE_URL OPERATOR_PASSWORD [ROWS [csv|xlsx]]}; {@code bench/customer-list.sh}
 * starts a server on PostgreSQL and runs it. The file is a CSV, or an .xlsx written as Excel writes
 * one (every text in the workbook's shared strings, the phone as text so its leading 0 stays). {@code CustomerListBench BASE_URL --existing CAMPAIGN_ID
 * ADMIN_EMAIL ADMIN_PASSWORD ROWS} only times the list of a campaign already filled (past the upload
 * limit, {@code customer-list.sh --generate} makes its customers in SQL).
 */
public final class CustomerListBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final String base;

    private CustomerListBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CustomerListBench BASE_URL OPERATOR_PASSWORD [ROWS]");
            System.exit(2);
        }
        if (args[1].equals("--existing")) {
            new CustomerListBench(args[0]).timeList(Long.parseLong(args[2]), auth(args[3], args[4]), Integer.parseInt(args[5]));
            return;
        }
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        boolean xlsx = args.length > 3 && args[3].equals("xlsx");
        new CustomerListBench(args[0]).run(args[1], rows, xlsx);
    }

    private void run(String operatorPassword, int rows, boolean xlsx) throws Exception {
        String unique = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin@" + unique + ".test";
        String operator = auth("operator", operatorPassword);
        send("POST", "/api/v1/businesses", operator, """
                {"name": "%s", "timeZone": "Asia/Ho_Chi_Minh", "defaultCountry": "VN", "concurrentCallLimit": 30,
                 "admin": {"email": "%s", "password": "bench-password", "name": "Bench"}}""".formatted(unique, admin), 201);
        String auth = auth(admin, "bench-password");
        long hotline = id(send("POST", "/api/v1/hotlines", auth, """
                {"number": "+84 28 7300 0001", "name": "Bench line"}""", 201));
        long hours = id(send("POST", "/api/v1/working-hours", auth, """
                {"name": "Always", "week": {"MONDAY": [["00:00","24:00"]], "TUESDAY": [["00:00","24:00"]]}}""", 201));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        long campaign = id(send("POST", "/api/v1/campaigns", auth, """
                {"name": "Bench", "dialMode": "MANUAL", "startTime": "%s", "endTime": "%s", "hotlineIds": [%d],
                 "workingHoursId": %d}""".formatted(start, start.plusDays(30), hotline, hours), 201));

        Path file = Files.createTempFile("outdial-bench-", xlsx ? ".xlsx" : ".csv");
        if (xlsx) {
            BenchWorkbook.write(file, rows);
        } else {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("name,phone,external ID,city\n");
                for (int i = 0; i < rows; i++) {
                    out.write("Customer " + i + ",09" + String.format("%08d", i) + ",CRM-" + i + ",City " + (i % 50) + "\n");
                }
            }
        }
        long fileBytes = Files.size(file);

        long started = System.nanoTime();
        long job = id(upload("/api/v1/campaigns/" + campaign + "/imports", auth, file, xlsx));
        String status;
        do {
            Thread.sleep(500);
            status = send("GET", "/api/v1/imports/" + job, auth, null, 200);
        } while (status.contains("\"RUNNING\""));
        double importSeconds = (System.nanoTime() - started) / 1e9;
        Files.delete(file);
        if (!status.contains("\"DONE\"")) {
            throw new IllegalStateException("import did not finish: " + status);
        }

        System.out.printf("%n| measure (%,d customers, %.0f MB %s) | result |%n|---|---|%n", rows, fileBytes / 1e6,
                xlsx ? ".xlsx" : "CSV");
        System.out.printf("| import, upload to DONE | %.1f s (%,.0f rows/s) |%n", importSeconds, rows / importSeconds);
        timeList(campaign, auth, rows);
    }

    /** The list's pages and searches over the campaign's {@code rows} customers, each the median of 20 calls. */
    private void timeList(long campaign, String auth, int rows) throws Exception {
        String list = "/api/v1/campaigns/" + campaign + "/customers?limit=50";
        List<Long> all = ids(send("GET", list + "&sort=added&limit=1", auth, null, 200));
        long firstId = all.getFirst();
        String deepCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("id:" + (firstId + rows / 2)).getBytes(StandardCharsets.UTF_8));
        if (rows > 0) {
            System.out.printf("%n| measure (%,d customers, one campaign) | median of 20 |%n|---|---|%n", rows);
        }
        System.out.printf("| list, first page (median of 20) | %.1f ms |%n", median(list, auth));
        System.out.printf("| list, last page (oldest first, `sort=added`) | %.1f ms |%n", median(list + "&sort=added", auth));
        System.out.printf("| list, page in the middle (median of 20) | %.1f ms |%n", median(list + "&cursor=" + deepCursor, auth));
        System.out.printf("| list, wildcard name `Customer 12345*` | %.1f ms |%n", median(list + "&name=Customer%2012345*", auth));
        System.out.printf("| list, wildcard phone `0900012???` | %.1f ms |%n", median(list + "&phone=0900012%3F%3F%3F", auth));
        System.out.printf("| list, status NEW | %.1f ms |%n", median(list + "&status=NEW", auth));
        // A wildcard in front, or no wildcard at all (a name then matches anywhere, a phone fragment
        // anywhere in the number): no b-tree range serves these, the trigram indexes do.
        System.out.printf("| list, name anywhere `*ustomer 999999*` | %.1f ms |%n", median(list + "&name=*ustomer%20999999*", auth));
        System.out.printf("| list, name without wildcard `ustomer 999999` | %.1f ms |%n", median(list + "&name=ustomer%20999999", auth));
        System.out.printf("| list, phone, a whole number `0900012345` | %.1f ms |%n", median(list + "&phone=0900012345", auth));
        System.out.printf("| list, phone ending `*1234` | %.1f ms |%n", median(list + "&phone=*1234", auth));
        System.out.printf("| list, phone fragment `345678` (no wildcard) | %.1f ms |%n", median(list + "&phone=345678", auth));
        System.out.printf("| list, phone fragment `99999` (no wildcard) | %.1f ms |%n", median(list + "&phone=99999", auth));
        // What any call costs besides its query: authentication (a remembered password), one row read, JSON.
        System.out.printf("| for comparison: `GET /api/v1/campaigns/{id}` (one row) | %.1f ms |%n",
                median("/api/v1/campaigns/" + campaign, auth));
    }

    private double median(String path, String auth) throws Exception {
        send("GET", path, auth, null, 200);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            send("GET", path, auth, null, 200);
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private String send(String method, String path, String auth, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String upload(String path, String auth, Path file, boolean xlsx) throws IOException, InterruptedException {
        String boundary = "outdial-bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench."
                + (xlsx ? "xlsx" : "csv") + "\"\r\nContent-Type: "
                + (xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String auth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static List<Long> ids(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(json);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
