package dev.petrel.management;

/**
 * A message selector given to browse, move or purge does not parse. {@link #getMessage()} says
 * where and why (the selector parser's message); {@link #selector()} is the text as given.
 * The REST layer answers 400 with the message.
 */
public class BadSelectorException extends ManagementException {

    private static final long serialVersionUID = 1L;

    private final String selector;

    public BadSelectorException(String selector, String problem, Throwable cause) {
        super("invalid selector \"" + selector + "\": " + problem, cause);
        this.selector = selector;
    }

    public String selector() {
        return selector;
    }
}
