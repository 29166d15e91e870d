package dev.petrel.bench.scenario;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/** A queue or topic by name, resolved in each client's own session. Immutable. */
record Target(String name, boolean topic) {

    /** A destination name no earlier scenario in this broker used. */
    static Target fresh(String scenarioId, boolean topic) {
        return new Target("bench-" + scenarioId + "-" + Long.toHexString(System.nanoTime()), topic);
    }

    Destination resolve(Session session) throws JMSException {
        return topic ? session.createTopic(name) : session.createQueue(name);
    }
}
