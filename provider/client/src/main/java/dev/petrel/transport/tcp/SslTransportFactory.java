package dev.petrel.transport.tcp;

/**
 * The {@code ssl://host:port?trustStore=..&trustStorePassword=..&keyStore=..} transport: the TCP
 * transport over TLS (JDK provider, host name verified unless {@code verifyHost=false}).
 */
public class SslTransportFactory extends TcpTransportFactory {

    @Override
    public String scheme() {
        return "ssl";
    }
}
