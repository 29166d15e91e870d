package dev.petrel.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * An MDB's activation configuration, with the standard Jakarta Messaging properties
 * ({@code destinationLookup} or {@code destination}, {@code destinationType}, {@code messageSelector},
 * {@code acknowledgeMode}, {@code subscriptionDurability}, {@code subscriptionName}, {@code clientId},
 * {@code subscriptionShared}, {@code maxSessions}). Configured once by the server, then read only.
 */
public class PetrelActivationSpec implements ActivationSpec {

    static final String QUEUE = "jakarta.jms.Queue";
    static final String TOPIC = "jakarta.jms.Topic";

    private PetrelResourceAdapter resourceAdapter;
    private String destinationLookup;
    private String destination;
    private String destinationType = QUEUE;
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private boolean subscriptionShared;
    private int maxSessions = 1;

    /** Checks every property; the message names each wrong value and what is allowed. */
    @Override
    public void validate() throws InvalidPropertyException {
        List<PropertyDescriptor> invalid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (isBlank(destination) && isBlank(destinationLookup)) {
            problems.add("destination or destinationLookup must be set");
        }
        if (!QUEUE.equals(destinationType) && !TOPIC.equals(destinationType)) {
            problems.add("destinationType must be " + QUEUE + " or " + TOPIC + ", was '" + destinationType + "'");
        }
        if (!"Auto-acknowledge".equals(acknowledgeMode) && !"Dups-ok-acknowledge".equals(acknowledgeMode)) {
            problems.add("acknowledgeMode must be Auto-acknowledge or Dups-ok-acknowledge, was '" + acknowledgeMode + "'");
        }
        if (!"Durable".equals(subscriptionDurability) && !"NonDurable".equals(subscriptionDurability)) {
            problems.add("subscriptionDurability must be Durable or NonDurable, was '" + subscriptionDurability + "'");
        }
        if (isDurable() && isBlank(subscriptionName)) {
            problems.add("a durable subscription needs subscriptionName");
        }
        if (isDurable() && !subscriptionShared && isBlank(clientId)) {
            problems.add("an unshared durable subscription needs clientId");
        }
        if (maxSessions < 1) {
            problems.add("maxSessions must be at least 1, was " + maxSessions);
        }
        if (!problems.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException("invalid Petrel activation: " + String.join("; ", problems));
            e.setInvalidPropertyDescriptors(invalid.toArray(new PropertyDescriptor[0]));
            throw e;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The destination's name, or its JNDI name when looked up: for thread names and logs. */
    String destinationName() {
        return destination != null ? destination : destinationLookup;
    }

    boolean isTopic() {
        return TOPIC.equals(destinationType);
    }

    boolean isDurable() {
        return "Durable".equals(subscriptionDurability);
    }

    /** Sessions to run: an unshared topic subscription can have only one consumer. */
    int effectiveSessions() {
        return isTopic() && !subscriptionShared ? 1 : maxSessions;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof PetrelResourceAdapter petrel)) {
            throw new jakarta.resource.spi.ResourceAdapterInternalException("expected a PetrelResourceAdapter, was "
                    + (ra == null ? "null" : ra.getClass().getName()));
        }
        this.resourceAdapter = petrel;
    }

    public String getDestinationLookup() {
        return destinationLookup;
    }

    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Boolean getSubscriptionShared() {
        return subscriptionShared;
    }

    public void setSubscriptionShared(Boolean subscriptionShared) {
        this.subscriptionShared = subscriptionShared != null && subscriptionShared;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions == null ? 1 : maxSessions;
    }

    @Override
    public String toString() {
        return "PetrelActivationSpec[" + (destination != null ? destination : destinationLookup) + ", " + destinationType
                + (isDurable() ? ", durable " + subscriptionName : "") + "]";
    }
}
