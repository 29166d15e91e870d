package dev.petrel.broker.security;

/** What a user may be allowed to do with a destination; each is granted per destination pattern and role. */
public enum Action {
    /** Send (publish) to a queue or topic. */
    SEND("send"),
    /** Create a consumer on a queue or a (non-durable) subscription on a topic. */
    CONSUME("consume"),
    /** Browse a queue. */
    BROWSE("browse"),
    /** Create (or re-attach to) a durable subscription on a topic. */
    CREATE_DURABLE("durable"),
    /** Create a temporary queue or topic (not per pattern: their names are generated). */
    CREATE_TEMPORARY("temporary"),
    /** Create destinations on first use (auto-creation) and manage them. */
    ADMINISTER("admin");

    private final String configName;

    Action(String configName) {
        this.configName = configName;
    }

    /** The word used in {@code petrel.conf} ({@code permission.<id>.<word> = roles}). */
    public String configName() {
        return configName;
    }

    /** The action written {@code word} in the configuration, or null. */
    public static Action fromConfigName(String word) {
        for (Action action : values()) {
            if (action.configName.equals(word)) {
                return action;
            }
        }
        return null;
    }
}
