package dev.outdial.shared;

/**
 * The object does not exist for this user. Also what another business's object looks like:
 * answering 404 rather than 403 keeps its existence secret.
 */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final Object id;

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
        this.resource = resource;
        // Kept as text: an id is a name, never a quantity ("84912345681", not "84,912,345,681").
        this.id = id == null ? null : id.toString();
    }

    public String resource() {
        return resource;
    }

    public Object id() {
        return id;
    }
}
