/**
 * The Petrel broker core: destinations, subscriptions, dispatch, acknowledgement, transactions,
 * redelivery, expiry, paging, and the embedding API.
 *
 * <p><b>Shape.</b> {@link dev.petrel.broker.Broker} owns the store (or none), the shared threads and
 * the {@code Destinations} registry. Every queue, and every topic subscription, is a
 * {@code MessageQueue}; a topic ({@code BrokerTopic}) is only the list of its subscriptions. Each client connection is a
 * {@code LocalConnection} (the {@link dev.petrel.protocol.BrokerConnection} the transports use), with
 * one {@code SessionState} per session holding its deliveries and buffered transacted sends.
 * {@link dev.petrel.broker.EmbeddedBroker} starts a broker and registers it for {@code vm://} URLs.
 * XA branches live in {@code XaTransactions}, keyed by xid; a session associated with one
 * ({@code SessionState.branch}) buffers its sends and acknowledgements there.
 *
 * <p><b>Threading.</b>
 * <ul>
 *   <li>Each {@code MessageQueue}'s state is owned by its own {@code SerialExecutor} on one shared
 *       dispatch pool ({@code max(2, cores)} threads). Other threads only post commands to it.</li>
 *   <li>Client threads call {@code LocalConnection}; blocking calls post commands and wait on
 *       futures. Executors never wait on each other or on client threads.</li>
 *   <li>Store writes complete on the store's writer thread; continuations there only post to
 *       executors (never block it, never write to the store from it).</li>
 *   <li>Backlog reads from the store run on two pager threads and post their pages back.</li>
 *   <li>A timer thread posts wake-ups (delivery delay, expiry).</li>
 *   <li>The {@code Destinations} lock guards the registry; under it a thread may wait for a store
 *       write, never for an executor, and never calls a client. {@code SessionState} locks are leaf
 *       locks. {@code ClientHandler} callbacks run on executors with no lock held.</li>
 * </ul>
 */
package dev.petrel.broker;
