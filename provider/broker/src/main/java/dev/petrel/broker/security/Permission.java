package dev.petrel.broker.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The roles allowed each action on destinations whose name matches {@code pattern}. Immutable.
 */
public record Permission(NamePattern pattern, Map<Action, Set<String>> rolesByAction) {
    public Permission {
        EnumMap<Action, Set<String>> copy = new EnumMap<>(Action.class);
        rolesByAction.forEach((action, roles) -> copy.put(action, Set.copyOf(roles)));
        rolesByAction = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when this permission matches {@code destination} and grants {@code action} to one of {@code roles}. */
    boolean grants(Action action, String destination, Set<String> roles) {
        Set<String> allowed = rolesByAction.get(action);
        if (allowed == null || !pattern.matches(destination)) {
            return false;
        }
        for (String role : roles) {
            if (allowed.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
