package dev.outdial.dialing.internal;

import java.util.Locale;

/** {@code outdial.telephony.mode}: which adapter of the Telephony port the live engine uses (ARCHITECTURE §3). */
public enum TelephonyMode {
    /** The simulated carrier: customers and agents' phones live in memory (the default, and the demo's bots). */
    SIM,
    /** Real calls: a SIP trunk to the carrier and agents' registered phones. */
    SIP;

    /** The setting as typed, e.g. {@code sip}; anything but {@code sim} or {@code sip} names the setting and its choices. */
    static TelephonyMode parse(String typed) {
        String mode = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "sim" -> SIM;
            case "sip" -> SIP;
            default -> throw new IllegalArgumentException(
                    "outdial.telephony.mode must be sim or sip, not '" + typed + "'");
        };
    }

    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
