package dev.petrel.transport.tcp;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import jakarta.jms.JMSException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.File;
import java.security.KeyStore;

/**
 * Builds the client's TLS context (JDK provider) from the URL's store options: the trust store (or
 * the JDK's default trust when none is given) and an optional key store for a client certificate.
 */
final class ClientSslContexts {

    private ClientSslContexts() {
    }

    static SslContext build(TcpClientOptions options) throws JMSException {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (options.trustStore() != null) {
                KeyStore trust = load(options.trustStore(), options.trustStorePassword());
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                builder.trustManager(tmf);
            }
            if (options.keyStore() != null) {
                char[] password = chars(options.keyStorePassword());
                KeyStore keys = load(options.keyStore(), options.keyStorePassword());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                builder.keyManager(kmf);
            }
            return builder.build();
        } catch (Exception e) {
            JMSException error = new JMSException("cannot set up TLS for " + options.address() + ": " + e.getMessage());
            error.setLinkedException(e);
            error.initCause(e);
            throw error;
        }
    }

    private static KeyStore load(String path, String password) throws Exception {
        return KeyStore.getInstance(new File(path), chars(password));
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
