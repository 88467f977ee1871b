package dev.outdial.agent;

/**
 * What the agents module asks of telephony about agents' phones, implemented where the telephony
 * lives (the dialing module), so the users' pages show a phone's state without depending on it.
 */
public interface PhoneRegistrar {

    /** The digest realm phone passwords are kept under ({@code outdial.telephony.sip.realm}). */
    String realm();

    /** Whether the user's phone is registered now (never in sim mode, which has no registrar). */
    boolean isRegistered(long userId);
}
