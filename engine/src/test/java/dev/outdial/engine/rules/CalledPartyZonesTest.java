package dev.outdial.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalledPartyZonesTest {

    CalledPartyZones zones = new CalledPartyZones();

    @Test
    void landlineRingsInItsCitysZone() {
        assertThat(zones.zonesOf("+842838221234")).containsExactly(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(zones.zonesOf("+13105551234")).containsExactly(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void mobileOfACountrySpanningZonesMayRingInAnyOfThem() {
        assertThat(zones.zonesOf("+61412345678")).contains(ZoneId.of("Australia/Perth"), ZoneId.of("Australia/Sydney"));
    }

    @Test
    void numberWithoutGeographyOrUnparsableHasNoKnownZone() {
        assertThat(zones.zonesOf("+80012345678")).isEmpty();
        assertThat(zones.zonesOf("not a number")).isEmpty();
    }
}
