package dev.petrel.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A durable subscriber (client id it-client, subscription it-durable) on topic it.topic; forwards to it.topic.out. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "it-durable"),
    @ActivationConfigProperty(propertyName = "clientId", propertyValue = "it-client")
})
public class DurableTopicMdb implements MessageListener {

    @Resource(lookup = SenderBean.CF)
    private ConnectionFactory factory;

    @Override
    public void onMessage(Message message) {
        Forwarder.forward(factory, message, "it.topic.out");
    }
}
