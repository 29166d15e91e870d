package dev.petrel.management;

/** No queue, topic or subscription of that name exists. */
public class UnknownDestinationException extends UnknownObjectException {

    private static final long serialVersionUID = 1L;

    public UnknownDestinationException(String message) {
        super(message);
    }

    public static UnknownDestinationException queue(String name) {
        return new UnknownDestinationException("no queue named '" + name + "'");
    }

    public static UnknownDestinationException topic(String name) {
        return new UnknownDestinationException("no topic named '" + name + "'");
    }

    public static UnknownDestinationException subscription(SubscriptionRef ref) {
        return new UnknownDestinationException("no subscription '" + ref.subscriptionId()
                + "' on topic '" + ref.topic() + "'");
    }
}
