package dev.petrel.console.web;

import dev.petrel.console.api.Requests;
import dev.petrel.console.service.MessageViews;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.BadSelectorException;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.BrowseOrder;
import dev.petrel.management.BrowseRequest;
import dev.petrel.management.QueueRef;
import dev.petrel.management.SubscriptionRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Browsing a backlog page by page, and one message's detail. */
@Path("")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "viewer"})
@Singleton
public class BrowsePages {

    private final BrokerAdmin admin;

    @Inject
    public BrowsePages(BrokerAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Path("browse")
    public Response browse(@QueryParam("queue") String queue, @QueryParam("topic") String topic,
                           @QueryParam("sub") String sub, @QueryParam("position") String position,
                           @QueryParam("pageSize") Integer pageSize, @QueryParam("selector") String selector,
                           @QueryParam("order") String order, @Context ContainerRequestContext security) {
        BacklogRef backlog = BacklogParams.of(queue, topic, sub);
        BrowseRequest request = Requests.browse(backlog, position, pageSize, selector, order);
        View view = backlogView("browse", "Browse " + backlog.describe(), backlog, security)
                .with("selector", request.selector() == null ? "" : request.selector())
                .with("order", request.order() == BrowseOrder.NEWEST_FIRST ? "newest" : "oldest")
                .with("pageSize", request.pageSize())
                .with("first", position == null || position.isBlank());
        try {
            return Response.ok(view.with("page", admin.browse(request))).build();
        } catch (BadSelectorException e) {
            return Response.status(400).entity(view.with("selectorError", e.getMessage())).build();
        }
    }

    @GET
    @Path("message")
    public View message(@QueryParam("queue") String queue, @QueryParam("topic") String topic,
                        @QueryParam("sub") String sub, @QueryParam("id") String id,
                        @Context ContainerRequestContext security) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("name the message: id=...");
        }
        BacklogRef backlog = BacklogParams.of(queue, topic, sub);
        return backlogView("message", "Message " + id, backlog, security)
                .with("m", MessageViews.of(admin.message(backlog, id)));
    }

    private static View backlogView(String template, String title, BacklogRef backlog, ContainerRequestContext security) {
        View view = PageViews.page(template, title, security).with("backlog", backlog.describe());
        if (backlog instanceof QueueRef q) {
            view.with("queue", q.name()).with("topic", null).with("sub", null);
        } else if (backlog instanceof SubscriptionRef s) {
            view.with("queue", null).with("topic", s.topic()).with("sub", s.subscriptionId());
        }
        return view;
    }
}
