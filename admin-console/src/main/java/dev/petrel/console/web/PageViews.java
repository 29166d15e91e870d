package dev.petrel.console.web;

import dev.petrel.console.security.ConsoleSecurityContext;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Starts a page's {@link View} with what every page shows: the user, its rights, the CSRF token, the flash message. */
final class PageViews {

    private PageViews() {
    }

    static View page(String template, String title, ContainerRequestContext security) {
        ConsoleSecurityContext console = ConsoleSecurityContext.of(security);
        View view = new View(template)
                .with("title", title)
                .with("nav", template)
                .with("user", console.getUserPrincipal().name())
                .with("admin", console.getUserPrincipal().isAdmin());
        if (console.session() != null) {
            view.with("csrf", console.session().csrfToken()).with("flash", console.session().takeFlash());
        }
        return view;
    }
}
