package dev.petrel.ra;

import jakarta.jms.ConnectionMetaData;
import jakarta.resource.spi.ManagedConnectionMetaData;

/** What the server shows about a managed connection: Petrel's product name and version. Immutable. */
final class PetrelManagedConnectionMetaData implements ManagedConnectionMetaData {

    private final String productName;
    private final String productVersion;
    private final String user;

    PetrelManagedConnectionMetaData(ConnectionMetaData jms, String user) throws jakarta.jms.JMSException {
        this.productName = jms.getJMSProviderName();
        this.productVersion = jms.getProviderVersion();
        this.user = user;
    }

    @Override
    public String getEISProductName() {
        return productName;
    }

    @Override
    public String getEISProductVersion() {
        return productVersion;
    }

    /** One session per managed connection, and any number of managed connections. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return user;
    }
}
