package dev.outdial.campaign;

/**
 * Which IVRs a business has, for checking a campaign's {@code ivrId}. The IVR module implements
 * it: IVRs name call classifications (SET_RESULT) and ask whether a campaign uses them, so they
 * depend on campaigns, and campaigns learn about IVRs only through this interface.
 */
public interface IvrCatalog {

    boolean exists(long businessId, long ivrId);
}
