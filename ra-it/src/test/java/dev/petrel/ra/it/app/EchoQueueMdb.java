package dev.petrel.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Receives from queue it.in and forwards the text to it.out. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.in")
})
public class EchoQueueMdb implements MessageListener {

    @Resource(lookup = SenderBean.CF)
    private ConnectionFactory factory;

    @Override
    public void onMessage(Message message) {
        Forwarder.forward(factory, message, "it.out");
    }
}
