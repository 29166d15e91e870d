/**
 * The broker's management API: everything an operator can see and do, behind one interface,
 * {@link dev.petrel.management.BrokerAdmin}. The admin console (web pages and REST API) is built
 * only against this package; the broker implements it over its destinations and the store's index.
 *
 * <p>The package holds no HTTP, JSON or console types and no broker internals: its data are
 * immutable records of plain values (strings, numbers, {@link java.time.Instant}s, lists and maps),
 * so a caller cannot reach into the broker's state through them. Errors are the unchecked
 * exceptions of this package, each naming the thing and the value that was wrong:
 * {@link dev.petrel.management.UnknownObjectException} (and its kinds) when something named does
 * not exist, {@link dev.petrel.management.BadSelectorException} for a selector that does not parse,
 * {@link dev.petrel.management.ManagementConflictException} when the request conflicts with the
 * broker's current state.
 */
package dev.petrel.management;
