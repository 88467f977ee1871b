package dev.outdial.engine.rules;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones a called number may ring in, from libphonenumber's number geography: one for
 * most numbers, several for a country or area that spans zones (e.g. many US mobile prefixes).
 */
public final class CalledPartyZones {

    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

    /**
     * The zones of an E.164 number; empty when they cannot be known (an unparsable number, a
     * number without geography, a zone the JDK does not know). Callers treat empty as "not
     * allowed": compliance errs on the safe side.
     */
    public List<ZoneId> zonesOf(String e164) {
        PhoneNumber number;
        try {
            number = numbers.parse(e164, "ZZ");
        } catch (NumberParseException unparsable) {
            return List.of();
        }
        List<ZoneId> result = new ArrayList<>();
        for (String zone : zones.getTimeZonesForNumber(number)) {
            if (zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                return List.of();
            }
            try {
                result.add(ZoneId.of(zone));
            } catch (DateTimeException unknownToTheJdk) {
                return List.of();
            }
        }
        return List.copyOf(result);
    }
}
