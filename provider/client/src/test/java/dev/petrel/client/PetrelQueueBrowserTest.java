package dev.petrel.client;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PetrelQueueBrowserTest {

    /** A stub whose browser cursor holds {@code count} messages. */
    private static final class BrowsingBroker extends StubBroker {
        private final Deque<MessageData> remaining = new ArrayDeque<>();

        BrowsingBroker(int count) {
            for (int i = 0; i < count; i++) {
                remaining.add(new MessageData("ID:" + i, 0, null, null, null, DestinationRef.queue("orders"), 2, 4, 0, 0,
                        null, null, BodyType.NONE, null));
            }
        }

        @Override
        public synchronized List<MessageData> browseNext(long browserId, int max) {
            calls.add("browseNext " + browserId);
            List<MessageData> page = new ArrayList<>();
            while (page.size() < max && !remaining.isEmpty()) {
                page.add(remaining.poll());
            }
            return page;
        }
    }

    @Test
    void enumerationFetchesEveryPageInOrder() throws JMSException {
        BrowsingBroker broker = new BrowsingBroker(PetrelQueueBrowser.PAGE_SIZE + 5);
        Session session = StubConnections.open(broker).createSession();
        QueueBrowser browser = session.createBrowser(session.createQueue("orders"));
        List<String> ids = new ArrayList<>();
        for (Object m : Collections.list(browser.getEnumeration())) {
            ids.add(((Message) m).getJMSMessageID());
        }
        assertEquals(PetrelQueueBrowser.PAGE_SIZE + 5, ids.size());
        assertEquals("ID:0", ids.get(0));
        assertEquals("ID:" + (PetrelQueueBrowser.PAGE_SIZE + 4), ids.get(ids.size() - 1));
    }

    @Test
    void anExhaustedEnumerationClosesItsCursor() throws JMSException {
        BrowsingBroker broker = new BrowsingBroker(1);
        Session session = StubConnections.open(broker).createSession();
        Collections.list(session.createBrowser(session.createQueue("orders")).getEnumeration());
        assertEquals(1, broker.callsStartingWith("closeBrowser").size());
    }

    @Test
    void closedBrowserRejectsGetEnumerationWithIllegalStateException() throws JMSException {
        Session session = StubConnections.open(new StubBroker()).createSession();
        QueueBrowser browser = session.createBrowser(session.createQueue("orders"));
        browser.close();
        assertThrows(IllegalStateException.class, browser::getEnumeration);
    }
}
