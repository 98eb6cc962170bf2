package io.ringside.benchmarks.peers;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

/**
 * Netty as production users run it: leak detection off ({@code ResourceLeakDetector.Level.DISABLED},
 * which is what {@code -Dio.netty.leakDetection.level=disabled} sets) and a chosen allocator.
 */
public final class NettyTuning {
    private NettyTuning() {
    }

    /**
     * Turns leak detection off for this JVM and returns the allocator named {@code name}: {@code adaptive}
     * (Netty 4.2's default, {@code ByteBufAllocator.DEFAULT}), {@code pooledHeap} or {@code unpooledHeap}.
     */
    public static ByteBufAllocator tuned(String name) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        switch (name) {
            case "adaptive":
                return ByteBufAllocator.DEFAULT;
            case "pooledHeap":
                return new PooledByteBufAllocator(false);
            case "unpooledHeap":
                return new UnpooledByteBufAllocator(false);
            default:
                throw new IllegalArgumentException(
                        "nettyAllocator=" + name + " (adaptive, pooledHeap or unpooledHeap)");
        }
    }
}
