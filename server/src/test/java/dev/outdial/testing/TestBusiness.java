package dev.outdial.testing;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A business made for one test, with its admin signed in; adds people in any role. */
public record TestBusiness(Api api, long id, String name, Api.Client admin) {

    public String domain() {
        return name.toLowerCase() + ".test";
    }

    /** Creates a user in this business and returns them signed in. */
    public Person person(String role, String localPart) {
        String email = localPart + "@" + domain();
        long userId = admin.post("/api/v1/users", Map.of("email", email, "name", localPart + " of " + name,
                "password", "person-password", "role", role)).expect(201).id();
        return new Person(userId, email, api.as(email, "person-password"));
    }

    public Person agent(String localPart) {
        return person("AGENT", localPart);
    }

    /** The id of one of the business's call classifications for reached calls (every business starts with some). */
    public long reachedClassification() {
        for (JsonNode classification : admin.get("/api/v1/call-classifications").expect(200).json()) {
            if (classification.get("reached").asBoolean()) {
                return classification.get("id").asLong();
            }
        }
        throw new AssertionError("the business has no classification for reached calls");
    }

    public record Person(long id, String email, Api.Client client) {
    }
}
