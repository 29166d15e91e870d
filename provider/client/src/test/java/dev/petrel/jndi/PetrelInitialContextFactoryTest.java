package dev.petrel.jndi;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import java.util.Hashtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetrelInitialContextFactoryTest {

    private static InitialContext context(String... keyValues) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, PetrelInitialContextFactory.class.getName());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return new InitialContext(env);
    }

    @Test
    void connectionFactoryEntryIsBoundToAFactoryForItsUrl() throws NamingException {
        InitialContext ctx = context("connectionFactory.orders", "vm://orders?prefetch=5");
        PetrelConnectionFactory factory = (PetrelConnectionFactory) ctx.lookup("orders");
        assertEquals("vm://orders?prefetch=5", factory.getBrokerURL());
        assertEquals(5, factory.getPrefetch());
    }

    @Test
    void providerUrlIsTheUrlOfTheDefaultConnectionFactory() throws NamingException {
        InitialContext ctx = context(Context.PROVIDER_URL, "vm://main");
        PetrelConnectionFactory factory = (PetrelConnectionFactory) ctx.lookup("ConnectionFactory");
        assertEquals("vm://main", factory.getBrokerURL());
    }

    @Test
    void defaultConnectionFactoryUsesVmLocalhostWithoutProviderUrl() throws NamingException {
        PetrelConnectionFactory factory = (PetrelConnectionFactory) context().lookup("ConnectionFactory");
        assertEquals(PetrelInitialContextFactory.DEFAULT_URL, factory.getBrokerURL());
    }

    @Test
    void securityPrincipalAndCredentialsBecomeTheFactoriesUserAndPassword() throws NamingException {
        InitialContext ctx = context("connectionFactory.cf", "vm://a", Context.SECURITY_PRINCIPAL, "u",
                Context.SECURITY_CREDENTIALS, "p");
        PetrelConnectionFactory factory = (PetrelConnectionFactory) ctx.lookup("cf");
        assertEquals("u", factory.getUser());
        assertEquals("p", factory.getPassword());
    }

    @Test
    void lookupOfAMissingNameThrowsNameNotFoundExceptionNamingItAndTheBoundNames() throws NamingException {
        InitialContext ctx = context("connectionFactory.cf", "vm://a");
        NameNotFoundException e = assertThrows(NameNotFoundException.class, () -> ctx.lookup("missing"));
        assertTrue(e.getMessage().contains("'missing'"), e.getMessage());
        assertTrue(e.getMessage().contains("cf"), e.getMessage());
    }

    @Test
    void bindThrowsOperationNotSupportedException() throws NamingException {
        InitialContext ctx = context();
        assertThrows(OperationNotSupportedException.class, () -> ctx.bind("x", "y"));
    }

    @Test
    void unbindThrowsOperationNotSupportedException() throws NamingException {
        InitialContext ctx = context();
        assertThrows(OperationNotSupportedException.class, () -> ctx.unbind("ConnectionFactory"));
    }

    @Test
    void malformedConnectionFactoryUrlIsAConfigurationErrorNamingTheFactory() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> context("connectionFactory.bad", "no-scheme").lookup("bad"));
        assertTrue(e.getMessage().contains("'bad'"), e.getMessage());
    }

    @Test
    void listingShowsEveryBoundName() throws NamingException {
        InitialContext ctx = context("connectionFactory.cf", "vm://a");
        var names = new java.util.ArrayList<String>();
        var list = ctx.list("");
        while (list.hasMore()) {
            names.add(list.next().getName());
        }
        assertEquals(java.util.List.of("ConnectionFactory", "cf"), names);
    }

    @Test
    void boundFactoryIsAJmsConnectionFactory() throws NamingException {
        assertInstanceOf(ConnectionFactory.class, context().lookup("ConnectionFactory"));
    }

    @Test
    void queueEntryIsBoundToAQueueWithItsName() throws Exception {
        InitialContext ctx = context("queue.orders", "ORDERS.IN");
        assertEquals("ORDERS.IN", ((jakarta.jms.Queue) ctx.lookup("orders")).getQueueName());
    }

    @Test
    void topicEntryIsBoundToATopicWithItsName() throws Exception {
        InitialContext ctx = context("topic.prices", "PRICES");
        assertEquals("PRICES", ((jakarta.jms.Topic) ctx.lookup("prices")).getTopicName());
    }

    @Test
    void dynamicQueuesNameAQueueThatIsNotConfigured() throws Exception {
        assertEquals("adhoc", ((jakarta.jms.Queue) context().lookup("dynamicQueues/adhoc")).getQueueName());
    }

    @Test
    void queueEntryWithoutANameIsAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> context("queue.orders", " ").lookup("orders"));
    }
}
