package dev.petrel.ra.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Always throws: its container transaction rolls back, so the broker redelivers and finally dead-letters. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.poison")
})
public class PoisonMdb implements MessageListener {

    @Override
    public void onMessage(Message message) {
        throw new IllegalStateException("PoisonMdb rejects every message (test)");
    }
}
