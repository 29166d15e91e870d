package dev.petrel.transport.tcp;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NettyTransportTest {

    @Test
    void onLinuxX8664TheClientShipsAndUsesTheNativeEpollTransport() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").equals("amd64"), "the native library shipped is linux-x86_64");
        assumeTrue(!Boolean.getBoolean("io.netty.transport.noNative"), "native transports switched off for this JVM");
        assertNull(Epoll.unavailabilityCause(), "Netty could not load its epoll library");
        assertEquals("epoll", NettyTransport.name());
        assertEquals(EpollSocketChannel.class, NettyTransport.socketChannel());
        assertEquals(EpollServerSocketChannel.class, NettyTransport.serverSocketChannel());
    }
}
