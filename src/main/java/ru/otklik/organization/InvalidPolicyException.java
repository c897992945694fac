package ru.otklik.organization;

/** An organization policy file that cannot be used; stops start-up. */
public class InvalidPolicyException extends RuntimeException {

    private final String file;
    private final String field;

    public InvalidPolicyException(String file, String field, String problem) {
        super("Invalid organization policy " + file + ", field '" + field + "': " + problem);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}
