package dev.petrel.transport.tcp;

import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedClientEventLoopsTest {

    @Test
    void connectionsOpenAtTheSameTimeShareOneGroup() {
        EventLoopGroup first = SharedClientEventLoops.acquire();
        EventLoopGroup second = SharedClientEventLoops.acquire();
        try {
            assertSame(first, second);
        } finally {
            SharedClientEventLoops.release(second);
            SharedClientEventLoops.release(first);
        }
    }

    @Test
    void theLastReleaseShutsTheGroupDownAndTheNextUserGetsANewOne() {
        EventLoopGroup first = SharedClientEventLoops.acquire();
        SharedClientEventLoops.release(first);
        assertTrue(first.isShuttingDown());
        EventLoopGroup next = SharedClientEventLoops.acquire();
        try {
            assertNotSame(first, next);
            assertFalse(next.isShuttingDown());
        } finally {
            SharedClientEventLoops.release(next);
        }
    }
}
