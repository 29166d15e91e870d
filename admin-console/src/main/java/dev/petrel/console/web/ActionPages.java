package dev.petrel.console.web;

import dev.petrel.console.api.Requests;
import dev.petrel.console.security.ConsoleSecurityContext;
import dev.petrel.console.service.Actor;
import dev.petrel.console.service.AdminActions;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.DestinationName;
import dev.petrel.management.QueueRef;
import dev.petrel.management.RetryResult;
import dev.petrel.management.SubscriptionInfo;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.TestMessage;
import dev.petrel.management.TopicInfo;
import dev.petrel.management.UnknownDestinationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The pages' state changes. Each destructive action is two steps: {@code GET /confirm?action=...}
 * shows what will happen (how many messages) with a form; posting it to {@code /actions/{action}}
 * does it through {@link AdminActions} (admin role, audit line), leaves "N messages affected" as
 * the session's flash message, and redirects to the listing. Admin role only.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
@Singleton
public class ActionPages {

    private final BrokerAdmin admin;
    private final AdminActions actions;

    @Inject
    public ActionPages(BrokerAdmin admin, AdminActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    @GET
    @Path("confirm")
    public View confirm(@QueryParam("action") String action, @QueryParam("queue") String queue,
                        @QueryParam("topic") String topic, @QueryParam("sub") String sub,
                        @QueryParam("id") String id, @QueryParam("connection") String connection,
                        @QueryParam("selector") String selector, @QueryParam("toKind") String toKind,
                        @QueryParam("toName") String toName, @QueryParam("ids") List<String> ids,
                        @Context ContainerRequestContext security) {
        String question = switch (action == null ? "" : action) {
            case "purge" -> purgeQuestion(BacklogParams.of(queue, topic, sub));
            case "purge-all" -> purgeAllQuestion(topic);
            case "delete-message" -> "Delete message '" + id + "' from " + BacklogParams.of(queue, topic, sub).describe() + "?";
            case "delete-subscription" -> "Delete " + new SubscriptionRef(topic, sub).describe()
                    + " and its " + backlog(new SubscriptionRef(topic, sub)) + " messages?";
            case "close-connection" -> "Close connection '" + connection + "'? Its client gets an error and its "
                    + "unacknowledged messages are redelivered.";
            case "retry" -> "Send every message of queue '" + queue + "' (" + backlog(new QueueRef(queue))
                    + ") back to its original destination?";
            case "move" -> "Move " + (selector == null || selector.isBlank() ? "every message" : "the messages matching \""
                    + selector + "\"") + " from " + BacklogParams.of(queue, topic, sub).describe() + " to "
                    + target(toKind, toName) + "?";
            case "move-selected" -> "Move the " + ids.size() + " selected messages from "
                    + BacklogParams.of(queue, topic, sub).describe() + " to " + target(toKind, toName) + "?";
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        };
        if (action.equals("move-selected") && ids.isEmpty()) {
            throw new IllegalArgumentException("select at least one message to move");
        }
        return PageViews.page("confirm", "Confirm", security)
                .with("ids", action.equals("move-selected") ? ids : List.of())
                .with("question", question).with("action", action)
                .with("queue", queue).with("topic", topic).with("sub", sub).with("id", id)
                .with("connection", connection).with("selector", selector)
                .with("toKind", toKind).with("toName", toName);
    }

    @POST
    @Path("actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response perform(@PathParam("action") String action, MultivaluedMap<String, String> form,
                            @Context ContainerRequestContext security) {
        Actor actor = Requests.actor(security);
        String queue = form.getFirst("queue");
        String topic = form.getFirst("topic");
        String sub = form.getFirst("sub");
        String back;
        String done;
        switch (action) {
            case "purge" -> {
                BacklogRef backlog = BacklogParams.of(queue, topic, sub);
                done = "Purged " + count(actions.purge(actor, backlog)) + " from " + backlog.describe() + ".";
                back = BacklogParams.listing(backlog);
            }
            case "purge-all" -> {
                done = "Purged " + count(actions.purgeAllSubscriptions(actor, topic)) + " from the subscriptions of topic '"
                        + topic + "'.";
                back = "/topics";
            }
            case "delete-message" -> {
                BacklogRef backlog = BacklogParams.of(queue, topic, sub);
                actions.deleteMessage(actor, backlog, form.getFirst("id"));
                done = "Deleted 1 message from " + backlog.describe() + ".";
                back = browse(queue, topic, sub);
            }
            case "delete-subscription" -> {
                SubscriptionRef subscription = new SubscriptionRef(topic, sub);
                actions.deleteDurableSubscription(actor, subscription);
                done = "Deleted " + subscription.describe() + ".";
                back = "/topics";
            }
            case "close-connection" -> {
                actions.closeConnection(actor, form.getFirst("connection"));
                done = "Closed connection '" + form.getFirst("connection") + "'.";
                back = "/connections";
            }
            case "retry" -> {
                RetryResult result = actions.retryDeadLetters(actor, queue, null);
                done = "Retried " + count(result.retried()) + " from queue '" + queue + "'"
                        + (result.skippedIds().isEmpty() ? "." : "; " + count(result.skippedIds().size())
                        + " stayed: no original destination.");
                back = "/queues";
            }
            case "move" -> {
                BacklogRef backlog = BacklogParams.of(queue, topic, sub);
                String selector = form.getFirst("selector");
                long moved = actions.moveMatching(actor, backlog, selector == null || selector.isBlank() ? null : selector,
                        target(form.getFirst("toKind"), form.getFirst("toName")));
                done = "Moved " + count(moved) + " from " + backlog.describe() + ".";
                back = browse(queue, topic, sub);
            }
            case "move-selected" -> {
                BacklogRef backlog = BacklogParams.of(queue, topic, sub);
                List<String> ids = form.get("ids") == null ? List.of() : form.get("ids");
                long moved = actions.moveMessages(actor, backlog, ids, target(form.getFirst("toKind"), form.getFirst("toName")));
                done = "Moved " + count(moved) + " from " + backlog.describe() + ".";
                back = browse(queue, topic, sub);
            }
            case "send" -> {
                DestinationName to = target(form.getFirst("toKind"), form.getFirst("toName"));
                String text = form.getFirst("text");
                String id = actions.sendTestMessage(actor, to, new TestMessage(text == null ? "" : text, null, null, 4,
                        true, null, null));
                done = "Sent test message " + id + " to " + to + ".";
                back = to.kind() == DestinationName.Kind.QUEUE ? "/queues" : "/topics";
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        }
        ConsoleSecurityContext.of(security).session().flash(done);
        return Response.seeOther(URI.create(back)).build();
    }

    private String purgeQuestion(BacklogRef backlog) {
        return "Purge " + backlog.describe() + ": remove all " + backlog(backlog) + " messages?";
    }

    private String purgeAllQuestion(String topic) {
        TopicInfo info = admin.topic(topic).orElseThrow(() -> UnknownDestinationException.topic(topic));
        return "Purge all " + info.subscriptions().size() + " subscriptions of topic '" + topic + "': remove "
                + info.totalBacklog() + " messages?";
    }

    private long backlog(BacklogRef backlog) {
        if (backlog instanceof QueueRef q) {
            return admin.queue(q.name()).orElseThrow(() -> UnknownDestinationException.queue(q.name())).depth();
        }
        SubscriptionRef s = (SubscriptionRef) backlog;
        return admin.topic(s.topic()).orElseThrow(() -> UnknownDestinationException.topic(s.topic()))
                .subscriptions().stream().filter(i -> i.id().equals(s.subscriptionId()))
                .findFirst().map(SubscriptionInfo::backlog)
                .orElseThrow(() -> UnknownDestinationException.subscription(s));
    }

    private static DestinationName target(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name the target destination");
        }
        return "topic".equals(kind == null ? "" : kind.toLowerCase(Locale.ROOT))
                ? DestinationName.topic(name) : DestinationName.queue(name);
    }

    private static String browse(String queue, String topic, String sub) {
        UriBuilder uri = UriBuilder.fromPath("/browse");
        if (queue != null && !queue.isEmpty()) {
            uri.queryParam("queue", "{q}");
            return uri.build(queue).toString();
        }
        return uri.queryParam("topic", "{t}").queryParam("sub", "{s}").build(topic, sub).toString();
    }

    private static String count(long n) {
        return n + (n == 1 ? " message" : " messages");
    }
}
