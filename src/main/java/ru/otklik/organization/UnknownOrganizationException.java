package ru.otklik.organization;

/** An organization id that names no organization (no policy, no tenant); answered with 404. */
public class UnknownOrganizationException extends RuntimeException {

    private final String organizationId;

    public UnknownOrganizationException(String organizationId) {
        // The message reaches API clients as the problem's detail, hence Russian.
        super("Организация «" + organizationId + "» не найдена");
        this.organizationId = organizationId;
    }

    public String organizationId() {
        return organizationId;
    }
}
