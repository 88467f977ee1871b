package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TrunkDnsTest {

    private static TrunkDns asking(FakeDns dns) {
        return new TrunkDns(dns.url(), RandomGenerator.getDefault());
    }

    @Test
    void theTrunksAreTheTargetsOfTheDomainsSrvRecordsLowestPriorityFirst() throws Exception {
        try (FakeDns dns = new FakeDns().srv("_sip._udp.carrier.test", "20 0 5070 127.0.0.3.", "10 0 5060 127.0.0.2.")
                .srv("_sip._tcp.carrier.test", "10 0 5080 127.0.0.4.")) {

            assertThat(asking(dns).trunks("carrier.test", SipSettings.Transport.UDP)).containsExactly(
                    new InetSocketAddress("127.0.0.2", 5060), new InetSocketAddress("127.0.0.3", 5070));
            assertThat(asking(dns).trunks("carrier.test", SipSettings.Transport.TCP))
                    .containsExactly(new InetSocketAddress("127.0.0.4", 5080));
        }
    }

    @Test
    void aDomainWithoutSrvRecordsOrThatSaysItHasNoSipServiceHasNoTrunksOfItsRecords() throws Exception {
        try (FakeDns dns = new FakeDns().srv("_sip._udp.no-sip.test", "0 0 0 .")) {

            assertThat(asking(dns).trunks("elsewhere.test", SipSettings.Transport.UDP)).isEmpty();
            assertThat(asking(dns).trunks("no-sip.test", SipSettings.Transport.UDP)).isEmpty();
        }
    }

    @Test
    void withinAPriorityEachTrunkComesFirstInProportionToItsWeight() {
        TrunkDns dns = new TrunkDns("dns:", new Random(7));
        List<TrunkDns.Target> records = List.of(new TrunkDns.Target(10, 10, 5060, "light"),
                new TrunkDns.Target(10, 30, 5060, "heavy"), new TrunkDns.Target(10, 0, 5060, "spare"),
                new TrunkDns.Target(5, 0, 5060, "first"));
        List<String> firstAfterTheTopPriority = new ArrayList<>();

        for (int draw = 0; draw < 4_000; draw++) {
            List<TrunkDns.Target> ordered = dns.ordered(records);
            assertThat(ordered.getFirst().host()).isEqualTo("first");
            firstAfterTheTopPriority.add(ordered.get(1).host());
        }

        long heavy = firstAfterTheTopPriority.stream().filter("heavy"::equals).count();
        long spare = firstAfterTheTopPriority.stream().filter("spare"::equals).count();
        assertThat(heavy).as("30 of 40: three in four").isBetween(2_850L, 3_150L);
        assertThat(spare).as("no weight: chosen only by a draw of exactly 0").isLessThan(200L);
    }

    @Test
    void aDnsServerThatCannotBeAskedIsReportedNamingTheRecordsSought() throws Exception {
        int nobody;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            nobody = probe.getLocalPort();
        }
        TrunkDns dns = new TrunkDns("dns://127.0.0.1:" + nobody, RandomGenerator.getDefault());

        assertThatThrownBy(() -> dns.trunks("carrier.test", SipSettings.Transport.UDP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("_sip._udp.carrier.test");
    }
}
