package dev.outdial.campaign;

import java.util.List;

/**
 * Which IVRs a business has, for checking a campaign's {@code ivrId} and offering them in its form. The IVR module
 * implements it: IVRs name call classifications (SET_RESULT) and ask whether a campaign uses them, so they depend on
 * campaigns, and campaigns learn about IVRs only through this interface.
 */
public interface IvrCatalog {

    boolean exists(long businessId, long ivrId);

    /** The business's IVRs, by name. */
    List<Choice> choices(long businessId);

    /** An IVR as a campaign's form offers it. */
    record Choice(long id, String name) {
    }
}
