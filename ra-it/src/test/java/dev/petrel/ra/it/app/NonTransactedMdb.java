package dev.petrel.ra.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Delivery without a container transaction (acknowledged after onMessage): it.nt.in forwarded to it.nt.out. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = "it.nt.in"),
    @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NonTransactedMdb implements MessageListener {

    @Resource(lookup = SenderBean.CF)
    private ConnectionFactory factory;

    @Override
    public void onMessage(Message message) {
        Forwarder.forward(factory, message, "it.nt.out");
    }
}
