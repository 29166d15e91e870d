package dev.petrel.console.web;

import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.BrokerOverview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;

/** The read-only listing pages: overview, topics, queues, connections. */
@Path("")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "viewer"})
@Singleton
public class Pages {

    private final BrokerAdmin admin;

    @Inject
    public Pages(BrokerAdmin admin) {
        this.admin = admin;
    }

    @GET
    public View overview(@Context ContainerRequestContext security) {
        BrokerOverview overview = admin.overview();
        return PageViews.page("overview", "Overview", security)
                .with("o", overview)
                .with("uptime", format(overview.uptime()))
                .with("chart", RateChart.of(admin.rates(Duration.ofMinutes(10))));
    }

    @GET
    @Path("topics")
    public View topics(@Context ContainerRequestContext security) {
        return PageViews.page("topics", "Topics", security).with("topics", admin.topics());
    }

    @GET
    @Path("queues")
    public View queues(@Context ContainerRequestContext security) {
        return PageViews.page("queues", "Queues", security).with("queues", admin.queues());
    }

    @GET
    @Path("connections")
    public View connections(@Context ContainerRequestContext security) {
        return PageViews.page("connections", "Connections", security).with("connections", admin.connections());
    }

    /** {@code 3d 04:05:06}. */
    static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long days = d.toDays();
        return (days > 0 ? days + "d " : "")
                + String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}
