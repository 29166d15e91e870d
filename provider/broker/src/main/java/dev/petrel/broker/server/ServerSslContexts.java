package dev.petrel.broker.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;

/** Builds the server's TLS context (JDK provider) from {@link TcpServerConfig}'s stores. */
final class ServerSslContexts {

    private ServerSslContexts() {
    }

    static SslContext build(TcpServerConfig config) throws IOException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(config.keyStore(), config.keyStorePassword()), chars(config.keyStorePassword()));
            SslContextBuilder builder = SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK);
            if (config.trustStore() != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(config.trustStore(), config.trustStorePassword()));
                builder.trustManager(tmf);
            }
            builder.clientAuth(config.needClientAuth() ? ClientAuth.REQUIRE : ClientAuth.NONE);
            return builder.build();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot set up TLS from key store " + config.keyStore() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, String password) throws Exception {
        try {
            return KeyStore.getInstance(path.toFile(), chars(password));
        } catch (IOException e) {
            throw new IOException("cannot read key store " + path + ": " + e.getMessage(), e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
