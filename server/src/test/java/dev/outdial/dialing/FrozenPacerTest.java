package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.ServerProcesses;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 14, item 2: two nodes on one PostgreSQL; the node pacing a business is frozen (SIGSTOP, as
 * a long GC or a paused VM freezes it) with the business's every line busy. The other node takes
 * the lease once it lapsed, but dials only as the frozen node's calls end; the frozen node, woken,
 * finds its lease fenced and places nothing more. Checked over the call records: the contract
 * limit is never exceeded, and no call was started by the frozen node after it froze.
 */
@Tag("postgres")
@Tag("slow") // Servers in processes of their own, frozen and thawed: left out of the fast suite.
class FrozenPacerTest {

    private static final int LIMIT = 3;

    @TempDir
    Path logs;

    private ServerProcesses servers;
    private String schema;
    private SingleConnectionDataSource connection;
    private JdbcClient db;

    @BeforeEach
    void cluster() throws SQLException {
        servers = new ServerProcesses(logs);
        // A schema of its own: the nodes pace only this test's business, not what other tests left
        // running (public stays on the path for the pg_trgm operators the search index uses).
        schema = "frozen_" + Long.toString(System.nanoTime(), 36);
        connection = new SingleConnectionDataSource(url(), user(), password(), true);
        db = JdbcClient.create(connection);
        try (Connection admin = DriverManager.getConnection(url(), user(), password())) {
            admin.createStatement().execute("create schema " + schema);
        }
    }

    @AfterEach
    void stopCluster() throws SQLException {
        servers.close();
        connection.destroy();
        try (Connection admin = DriverManager.getConnection(url(), user(), password())) {
            admin.createStatement().execute("drop schema " + schema + " cascade");
        }
    }

    @Test
    void aFrozenPacerCannotDialOnceFencedAndItsSuccessorWaitsForItsCalls() throws Exception {
        ServerProcesses.Server first = node("node-a");
        ServerProcesses.Server second = node("node-b");
        TestBusiness business = first.api().newBusiness("Frozen", LIMIT);
        DialingScenario autocall = DialingScenario.running(business, "AUTOCALL",
                Map.of("maxCallsPerCustomer", 1, "retryGapMinutes", 0));
        autocall.add(IntStream.range(0, 40).mapToObj(i -> String.format("+84915%04d03", i)).toArray(String[]::new));

        DialingScenario.waitFor(() -> openCalls(business.id()), open -> open == LIMIT, "every line of the business busy");
        String pacer = leaseOwner(business.id());
        ServerProcesses.Server frozen = pacer.equals("node-a") ? first : second;
        String successor = pacer.equals("node-a") ? "node-b" : "node-a";
        frozen.freeze();
        Instant frozenAt = Instant.now();
        try {
            DialingScenario.waitFor(() -> leaseOwner(business.id()), successor::equals, successor + " to take the lease over",
                    Duration.ofMinutes(1));
        } finally {
            frozen.thaw();
        }
        DialingScenario.waitFor(() -> callsBy(successor), calls -> calls >= LIMIT, successor + " to dial",
                Duration.ofMinutes(1));

        assertThat(callsStartedBy(pacer, frozenAt)).as("calls started by the frozen node after it froze").isEmpty();
        assertThat(mostOpenAtOnce(business.id())).as("most calls of the business open at once").isLessThanOrEqualTo(LIMIT);
        assertThat(business.admin().get("/api/v1/campaigns/" + autocall.campaignId + "/audit").expect(200).json()
                .get("violations").asInt()).as("compliance violations in the call records").isZero();
    }

    private ServerProcesses.Server node(String id) throws IOException, InterruptedException {
        return servers.start(ServerProcesses.freePort(), Map.of(
                "OUTDIAL_DB_URL", url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public",
                "OUTDIAL_DB_USER", user(), "OUTDIAL_DB_PASSWORD", password()), List.of(
                "--outdial.node-id=" + id,
                "--spring.flyway.schemas=" + schema,
                // The pacer lease lapses within seconds of the freeze (not too few: a loaded machine's
                // late heartbeat would hand the lease back and forth); customers' leases outlast it.
                "--outdial.dialing.pacer-lease=6s",
                "--outdial.dialing.pacer-heartbeat=500ms",
                "--outdial.dialing.lease=60s",
                // Every call rings for two seconds, is answered, hears the reminder and ends.
                "--outdial.telephony.sim.rules.03=ANSWER",
                "--outdial.telephony.sim.signal-delay=50ms",
                "--outdial.telephony.sim.ring-time=2s",
                "--outdial.telephony.sim.talk-time=1s",
                "--outdial.telephony.sim.spread=0"));
    }

    private int openCalls(long businessId) {
        return db.sql("select count(*) from " + schema + ".call_record where business_id = :b and ended_at is null")
                .param("b", businessId).query(Integer.class).single();
    }

    private String leaseOwner(long businessId) {
        return db.sql("select owner from " + schema + ".dialer_lease where business_id = :b").param("b", businessId)
                .query(String.class).optional().orElse("");
    }

    private int callsBy(String node) {
        return db.sql("select count(*) from " + schema + ".call_record where node = :node").param("node", node)
                .query(Integer.class).single();
    }

    private List<String> callsStartedBy(String node, Instant after) {
        return db.sql("select id from " + schema + ".call_record where node = :node and dialing_at >= :after")
                .param("node", node).param("after", Timestamp.from(after)).query(String.class).list();
    }

    /** The most calls open at one moment, from the records' dialing and end times (still open: open now). */
    private int mostOpenAtOnce(long businessId) {
        record Change(Instant at, int by) {
        }
        List<Change> changes = new ArrayList<>();
        db.sql("select dialing_at, ended_at from " + schema + ".call_record where business_id = :b")
                .param("b", businessId).query((row, n) -> {
                    changes.add(new Change(row.getTimestamp("dialing_at").toInstant(), 1));
                    Timestamp ended = row.getTimestamp("ended_at");
                    changes.add(new Change(ended == null ? Instant.MAX : ended.toInstant(), -1));
                    return null;
                }).list();
        // An end and a start at the same instant: the line was freed first.
        changes.sort((x, y) -> x.at().equals(y.at()) ? Integer.compare(x.by(), y.by()) : x.at().compareTo(y.at()));
        int open = 0;
        int most = 0;
        for (Change change : changes) {
            open += change.by();
            most = Math.max(most, open);
        }
        return most;
    }

    private static String url() {
        return System.getenv().getOrDefault("OUTDIAL_TEST_DB_URL", "jdbc:postgresql://localhost:5432/outdial_test");
    }

    private static String user() {
        return System.getenv().getOrDefault("OUTDIAL_TEST_DB_USER", "outdial");
    }

    private static String password() {
        return System.getenv().getOrDefault("OUTDIAL_TEST_DB_PASSWORD", "outdial");
    }
}
