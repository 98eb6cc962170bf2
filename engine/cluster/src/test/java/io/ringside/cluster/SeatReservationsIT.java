package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.JedisPooled;

/** Seat reservations by Lua script against a real redis-server, with many threads racing. */
@Timeout(60)
class SeatReservationsIT {
    private static RedisServer redisServer;
    private static JedisPooled redis;
    private SeatReservations seats;

    @BeforeAll
    static void startRedis() throws Exception {
        redisServer = RedisServer.start();
        redis = redisServer.client();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @BeforeEach
    void reset() {
        redis.flushAll();
        seats = new SeatReservations(redis);
    }

    @Test
    void shouldNeverOverfillWhenManyThreadsReserveAtOnce() throws Exception {
        // given a room of capacity 8 with 3 players in it, and 16 threads trying 20 times each
        redis.hset(RedisKeys.room("r1"), Map.of("id", "r1", "capacity", "8", "players", "3", "locked", "0"));
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        Callable<Integer> attempts = () -> {
            go.await();
            int won = 0;
            for (int i = 0; i < 20; i++) {
                if (seats.reserve("r1") == SeatReservations.Outcome.RESERVED) {
                    won++;
                }
            }
            return won;
        };

        // when
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(attempts));
        }
        go.countDown();
        int reserved = 0;
        for (Future<Integer> result : results) {
            reserved += result.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // then exactly the 5 free seats were taken
        assertThat(reserved).isEqualTo(5);
        assertThat(redis.hget(RedisKeys.room("r1"), "reserved")).isEqualTo("5");
        assertThat(seats.reserve("r1")).isEqualTo(SeatReservations.Outcome.FULL);
    }

    @Test
    void shouldFreeASeatWhenReleased() {
        // given a full room
        redis.hset(RedisKeys.room("r2"), Map.of("id", "r2", "capacity", "1", "players", "0"));
        assertThat(seats.reserve("r2")).isEqualTo(SeatReservations.Outcome.RESERVED);

        // when
        boolean released = seats.release("r2");

        // then
        assertThat(released).isTrue();
        assertThat(seats.release("r2")).isFalse();
        assertThat(seats.reserve("r2")).isEqualTo(SeatReservations.Outcome.RESERVED);
    }

    @Test
    void shouldRefuseLockedAndUnknownRooms() {
        // given
        redis.hset(RedisKeys.room("r3"), Map.of("id", "r3", "capacity", "4", "players", "0", "locked", "1"));

        // when / then
        assertThat(seats.reserve("r3")).isEqualTo(SeatReservations.Outcome.LOCKED);
        assertThat(seats.reserve("nope")).isEqualTo(SeatReservations.Outcome.NO_ROOM);
        assertThat(redis.exists(RedisKeys.room("nope"))).isFalse();
    }
}
