package dev.petrel.console.api;

import dev.petrel.console.service.AdminActions;
import dev.petrel.console.service.MessageView;
import dev.petrel.console.service.MessageViews;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.BrowsePage;
import dev.petrel.management.DestinationName;
import dev.petrel.management.QueueRef;
import dev.petrel.management.RetryResult;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.TestMessage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The backlogs of queues ({@code /api/queues/{name}/...}) and subscriptions
 * ({@code /api/topics/{topic}/subscriptions/{id}/...}): browse, read one message, purge, delete,
 * move, retry; plus sending a test message and deleting a durable subscription. Reads need the
 * viewer or admin role, changes the admin role.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "viewer"})
@Singleton
public class BacklogApi {

    /** How many messages a state change affected. */
    public record Affected(long affected) {
    }

    /** Move: to a destination, either the listed ids, or those matching a selector (all when both absent). */
    public record MoveRequest(DestinationName to, List<String> ids, String selector) {
    }

    /** Retry: the listed ids, or every message when absent. */
    public record RetryRequest(List<String> ids) {
    }

    /** A text test message; everything but the text is optional. */
    public record SendRequest(String text, String correlationId, String type, Integer priority, Boolean persistent,
                              Long timeToLiveMillis, Map<String, String> properties) {
    }

    private final BrokerAdmin admin;
    private final AdminActions actions;

    @Inject
    public BacklogApi(BrokerAdmin admin, AdminActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    @GET
    @Path("queues/{name}/messages")
    public BrowsePage browseQueue(@PathParam("name") String name, @QueryParam("position") String position,
                                  @QueryParam("pageSize") Integer pageSize, @QueryParam("selector") String selector,
                                  @QueryParam("order") String order) {
        return admin.browse(Requests.browse(new QueueRef(name), position, pageSize, selector, order));
    }

    @GET
    @Path("topics/{topic}/subscriptions/{sub}/messages")
    public BrowsePage browseSubscription(@PathParam("topic") String topic, @PathParam("sub") String sub,
                                         @QueryParam("position") String position,
                                         @QueryParam("pageSize") Integer pageSize,
                                         @QueryParam("selector") String selector, @QueryParam("order") String order) {
        return admin.browse(Requests.browse(new SubscriptionRef(topic, sub), position, pageSize, selector, order));
    }

    @GET
    @Path("queues/{name}/messages/{id}")
    public MessageView queueMessage(@PathParam("name") String name, @PathParam("id") String id) {
        return MessageViews.of(admin.message(new QueueRef(name), id));
    }

    @GET
    @Path("topics/{topic}/subscriptions/{sub}/messages/{id}")
    public MessageView subscriptionMessage(@PathParam("topic") String topic, @PathParam("sub") String sub,
                                           @PathParam("id") String id) {
        return MessageViews.of(admin.message(new SubscriptionRef(topic, sub), id));
    }

    @DELETE
    @Path("queues/{name}/messages")
    @RolesAllowed("admin")
    public Affected purgeQueue(@PathParam("name") String name, @Context ContainerRequestContext security) {
        return new Affected(actions.purge(Requests.actor(security), new QueueRef(name)));
    }

    @DELETE
    @Path("topics/{topic}/subscriptions/{sub}/messages")
    @RolesAllowed("admin")
    public Affected purgeSubscription(@PathParam("topic") String topic, @PathParam("sub") String sub,
                                      @Context ContainerRequestContext security) {
        return new Affected(actions.purge(Requests.actor(security), new SubscriptionRef(topic, sub)));
    }

    @DELETE
    @Path("topics/{topic}/messages")
    @RolesAllowed("admin")
    public Affected purgeAllSubscriptions(@PathParam("topic") String topic, @Context ContainerRequestContext security) {
        return new Affected(actions.purgeAllSubscriptions(Requests.actor(security), topic));
    }

    @DELETE
    @Path("queues/{name}/messages/{id}")
    @RolesAllowed("admin")
    public Affected deleteQueueMessage(@PathParam("name") String name, @PathParam("id") String id,
                                       @Context ContainerRequestContext security) {
        actions.deleteMessage(Requests.actor(security), new QueueRef(name), id);
        return new Affected(1);
    }

    @DELETE
    @Path("topics/{topic}/subscriptions/{sub}/messages/{id}")
    @RolesAllowed("admin")
    public Affected deleteSubscriptionMessage(@PathParam("topic") String topic, @PathParam("sub") String sub,
                                              @PathParam("id") String id, @Context ContainerRequestContext security) {
        actions.deleteMessage(Requests.actor(security), new SubscriptionRef(topic, sub), id);
        return new Affected(1);
    }

    @POST
    @Path("queues/{name}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Affected moveFromQueue(@PathParam("name") String name, MoveRequest move, @Context ContainerRequestContext security) {
        return move(new QueueRef(name), move, security);
    }

    @POST
    @Path("topics/{topic}/subscriptions/{sub}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Affected moveFromSubscription(@PathParam("topic") String topic, @PathParam("sub") String sub,
                                         MoveRequest move, @Context ContainerRequestContext security) {
        return move(new SubscriptionRef(topic, sub), move, security);
    }

    @POST
    @Path("queues/{name}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public RetryResult retry(@PathParam("name") String name, RetryRequest retry, @Context ContainerRequestContext security) {
        List<String> ids = retry == null ? null : retry.ids();
        return actions.retryDeadLetters(Requests.actor(security), name, ids);
    }

    @POST
    @Path("queues/{name}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Map<String, String> sendToQueue(@PathParam("name") String name, SendRequest send,
                                           @Context ContainerRequestContext security) {
        return send(DestinationName.queue(name), send, security);
    }

    @POST
    @Path("topics/{name}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Map<String, String> sendToTopic(@PathParam("name") String name, SendRequest send,
                                           @Context ContainerRequestContext security) {
        return send(DestinationName.topic(name), send, security);
    }

    @DELETE
    @Path("topics/{topic}/subscriptions/{sub}")
    @RolesAllowed("admin")
    public Map<String, String> deleteSubscription(@PathParam("topic") String topic, @PathParam("sub") String sub,
                                                  @Context ContainerRequestContext security) {
        actions.deleteDurableSubscription(Requests.actor(security), new SubscriptionRef(topic, sub));
        return Map.of("deleted", sub);
    }

    private Affected move(BacklogRef from, MoveRequest move, ContainerRequestContext security) {
        if (move == null || move.to() == null) {
            throw new IllegalArgumentException("a move needs \"to\": {\"kind\": \"QUEUE\"|\"TOPIC\", \"name\": ...}");
        }
        if (move.ids() != null && move.selector() != null) {
            throw new IllegalArgumentException("a move takes \"ids\" or \"selector\", not both");
        }
        if (move.ids() != null) {
            return new Affected(actions.moveMessages(Requests.actor(security), from, move.ids(), move.to()));
        }
        String selector = move.selector() == null || move.selector().isBlank() ? null : move.selector();
        return new Affected(actions.moveMatching(Requests.actor(security), from, selector, move.to()));
    }

    private Map<String, String> send(DestinationName to, SendRequest send, ContainerRequestContext security) {
        if (send == null || send.text() == null) {
            throw new IllegalArgumentException("a test message needs \"text\"");
        }
        TestMessage message = new TestMessage(send.text(), send.correlationId(), send.type(),
                send.priority() == null ? 4 : send.priority(), send.persistent() == null || send.persistent(),
                send.timeToLiveMillis() == null ? null : Duration.ofMillis(send.timeToLiveMillis()),
                send.properties());
        return Map.of("messageId", actions.sendTestMessage(Requests.actor(security), to, message));
    }
}
