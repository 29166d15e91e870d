package dev.petrel.console.api;

import dev.petrel.console.security.ConsoleSecurityContext;
import dev.petrel.console.service.Actor;
import dev.petrel.management.BrowseOrder;
import dev.petrel.management.BrowseRequest;
import dev.petrel.management.BacklogRef;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;

/** Small helpers shared by the API and page resources: who is asking, how to read browse parameters. */
public final class Requests {

    public static final int DEFAULT_PAGE_SIZE = 50;

    private Requests() {
    }

    /** The authenticated caller; the authentication filter guarantees one on every non-public path. */
    public static Actor actor(ContainerRequestContext security) {
        ConsoleSecurityContext console = ConsoleSecurityContext.of(security);
        return new Actor(console.getUserPrincipal(), console.remote());
    }

    /** {@code oldest} (default) or {@code newest}. */
    public static BrowseOrder order(String order) {
        if (order == null || order.isBlank()) {
            return BrowseOrder.OLDEST_FIRST;
        }
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "oldest", "oldest_first" -> BrowseOrder.OLDEST_FIRST;
            case "newest", "newest_first" -> BrowseOrder.NEWEST_FIRST;
            default -> throw new IllegalArgumentException("order must be 'oldest' or 'newest', was '" + order + "'");
        };
    }

    public static BrowseRequest browse(BacklogRef backlog, String position, Integer pageSize, String selector,
                                       String order) {
        return new BrowseRequest(backlog, position, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize, selector,
                order(order));
    }
}
