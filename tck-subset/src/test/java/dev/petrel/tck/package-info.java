/**
 * A subset of Jakarta Messaging 3.1 conformance tests, organised by the areas of the Jakarta
 * Messaging TCK (one sub-package per area). Tests use only the {@code jakarta.jms} API; the only
 * Petrel-specific code is the fixture in this package: {@link dev.petrel.tck.PetrelBrokerExtension}
 * starts one embedded broker per test class and {@link dev.petrel.tck.TckBroker} chooses the
 * transport from the system property {@code petrel.tck.transport} ({@code vm} by default,
 * {@code tcp}: a TCP listener on a free loopback port in front of the same broker).
 *
 * <p>Run: {@code mvn -q -pl tck-subset -am test}; with the TCP transport,
 * {@code mvn -q -pl tck-subset -am test -Dpetrel.tck.transport=tcp} (the module pom hands the
 * property to the surefire JVM).
 */
package dev.petrel.tck;
