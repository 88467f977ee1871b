package dev.outdial.campaign.settings;

/** A named weekly schedule of the business: a campaign dials only inside its working hours. */
public record WorkingHours(long id, String name, WeeklyHours hours) {
}
