package dev.petrel.console.api;

import dev.petrel.console.service.AdminActions;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.BrokerOverview;
import dev.petrel.management.ConnectionSummary;
import dev.petrel.management.QueueInfo;
import dev.petrel.management.RateSeries;
import dev.petrel.management.TopicInfo;
import dev.petrel.management.UnknownDestinationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** {@code /api/overview}, {@code /api/rates}, {@code /api/queues}, {@code /api/topics}, {@code /api/connections}. */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "viewer"})
@Singleton
public class BrokerApi {

    /** The longest rate window the API serves. */
    public static final int MAX_RATE_MINUTES = 60;

    private final BrokerAdmin admin;
    private final AdminActions actions;

    @Inject
    public BrokerApi(BrokerAdmin admin, AdminActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    @GET
    @Path("overview")
    public BrokerOverview overview() {
        return admin.overview();
    }

    @GET
    @Path("rates")
    public RateSeries rates(@QueryParam("minutes") @DefaultValue("10") int minutes) {
        if (minutes < 1 || minutes > MAX_RATE_MINUTES) {
            throw new IllegalArgumentException("minutes must be 1 to " + MAX_RATE_MINUTES + ", was " + minutes);
        }
        return admin.rates(Duration.ofMinutes(minutes));
    }

    @GET
    @Path("queues")
    public List<QueueInfo> queues() {
        return admin.queues();
    }

    @GET
    @Path("queues/{name}")
    public QueueInfo queue(@PathParam("name") String name) {
        return admin.queue(name).orElseThrow(() -> UnknownDestinationException.queue(name));
    }

    @GET
    @Path("topics")
    public List<TopicInfo> topics() {
        return admin.topics();
    }

    @GET
    @Path("topics/{name}")
    public TopicInfo topic(@PathParam("name") String name) {
        return admin.topic(name).orElseThrow(() -> UnknownDestinationException.topic(name));
    }

    @GET
    @Path("connections")
    public List<ConnectionSummary> connections() {
        return admin.connections();
    }

    @DELETE
    @Path("connections/{id}")
    @RolesAllowed("admin")
    public Map<String, Object> closeConnection(@PathParam("id") String id, @Context ContainerRequestContext security) {
        actions.closeConnection(Requests.actor(security), id);
        return Map.of("closed", id);
    }
}
