package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;

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
        // given a room of capacity 8 with 3 seats taken, and 16 threads trying 20 times each
        redis.hset(RedisKeys.room("r1"), Map.of("id", "r1", "type", "arena", "node", "n1", "capacity", "8",
                "seats", "3", "locked", "0"));
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        Callable<Integer> attempts = () -> {
            go.await();
            int won = 0;
            for (int i = 0; i < 20; i++) {
                String token = UUID.randomUUID().toString();
                if (seats.reserve("n1", "r1", token, 10_000) == SeatReservations.Outcome.RESERVED) {
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
        assertThat(redis.zcard(RedisKeys.seats("r1"))).isEqualTo(5);
        assertThat(seats.reserve("n1", "r1", "late", 10_000)).isEqualTo(SeatReservations.Outcome.FULL);
    }

    @Test
    void shouldRedeemATokenOnceOnItsNodeOnly() {
        // given a room with one free seat, reserved
        redis.hset(RedisKeys.room("r2"), Map.of("id", "r2", "type", "arena", "node", "n1", "capacity", "1",
                "seats", "0"));
        assertThat(seats.reserve("n1", "r2", "t1", 10_000)).isEqualTo(SeatReservations.Outcome.RESERVED);
        assertThat(seats.reserve("n1", "r2", "t2", 10_000)).isEqualTo(SeatReservations.Outcome.FULL);

        // when / then: another node, room or type is refused and leaves the token valid; the owner uses it once
        assertThat(seats.redeem("t1", "n2", "r2", "arena")).isFalse();
        assertThat(seats.redeem("t1", "n1", "r9", "arena")).isFalse();
        assertThat(seats.redeem("forged", "n1", "r2", "arena")).isFalse();
        assertThat(seats.redeem("t1", "n1", "r2", "arena")).isTrue();
        assertThat(seats.redeem("t1", "n1", "r2", "arena")).isFalse();
        assertThat(redis.hget(RedisKeys.room("r2"), "redeemed")).isEqualTo("1");
        assertThat(redis.zcard(RedisKeys.seats("r2"))).isZero();
    }

    @Test
    void shouldTakeASeatForADirectJoinOnlyWhenNoReservationHoldsIt() {
        // given a room of three seats with one taken as published and one reserved by another node
        redis.hset(RedisKeys.room("r7"), Map.of("id", "r7", "type", "arena", "node", "n1", "capacity", "3",
                "seats", "1"));
        redis.pexpire(RedisKeys.room("r7"), 60_000);
        assertThat(seats.reserve("n1", "r7", "held", 10_000)).isEqualTo(SeatReservations.Outcome.RESERVED);

        // when the owner seats two players directly
        long first = seats.take("r7", 3, 5_000);
        long second = seats.take("r7", 3, 5_000);

        // then the first takes the last free seat and counts in redeemed; the second finds the room
        // full with one reservation open, which the reserved player still redeems
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(-1);
        assertThat(redis.hget(RedisKeys.room("r7"), "redeemed")).isEqualTo("1");
        assertThat(seats.reserve("n2", "r7", "late", 10_000)).isEqualTo(SeatReservations.Outcome.FULL);
        assertThat(seats.redeem("held", "n1", "r7", "arena")).isTrue();
        assertThat(redis.pttl(RedisKeys.room("r7"))).isGreaterThan(5_000);
    }

    @Test
    void shouldCountSeatsTakenInARoomNotRegisteredYetAndLetThatCountExpire() {
        // when the owner takes seats in a room it has not published yet
        assertThat(seats.take("r8", 2, 5_000)).isEqualTo(1);
        assertThat(seats.take("r8", 2, 5_000)).isEqualTo(1);
        assertThat(seats.take("r8", 2, 5_000)).isEqualTo(0);

        // then the count lives only as long as the owner's TTL, and no reservation sees a room there
        assertThat(redis.hget(RedisKeys.room("r8"), "redeemed")).isEqualTo("2");
        assertThat(redis.pttl(RedisKeys.room("r8"))).isBetween(1L, 5_000L);
        assertThat(seats.reserve("n1", "r8", "t", 10_000)).isEqualTo(SeatReservations.Outcome.NO_ROOM);
    }

    @Test
    void shouldForfeitAJoinOrCreateTokenOnceAndTellItsRoomType() {
        // given a reservation in a room
        redis.hset(RedisKeys.room("r9"), Map.of("id", "r9", "type", "arena", "node", "n1", "capacity", "2",
                "seats", "0"));
        assertThat(seats.reserve("n1", "r9", "j.t", 10_000)).isEqualTo(SeatReservations.Outcome.RESERVED);

        // when / then: refused for another node or room; the owner uses it up once and learns its type
        assertThat(seats.forfeit("j.t", "n2", "r9")).isNull();
        assertThat(seats.forfeit("j.t", "n1", "r0")).isNull();
        assertThat(seats.forfeit("j.t", "n1", "r9")).isEqualTo(new SeatReservations.Used("arena", 0));
        assertThat(seats.forfeit("j.t", "n1", "r9")).isNull();
        assertThat(redis.hget(RedisKeys.room("r9"), "redeemed")).isNull();
    }

    @Test
    void shouldCountARedeemedSeatUntilTheOwnerPublishesSeatsThatCountIt() {
        // given a room of two seats, one reserved and redeemed
        redis.hset(RedisKeys.room("r5"), Map.of("id", "r5", "type", "arena", "node", "n1", "capacity", "2",
                "seats", "0"));
        assertThat(seats.reserve("n1", "r5", "first", 10_000)).isEqualTo(SeatReservations.Outcome.RESERVED);
        assertThat(seats.redeem("first", "n1", "r5", "arena")).isTrue();

        // when the owner writes seats from a snapshot taken before its player was seated
        redis.hset(RedisKeys.room("r5"), "seats", "0");

        // then the redeemed seat still counts: one seat is left, not two
        assertThat(seats.reserve("n1", "r5", "second", 10_000)).isEqualTo(SeatReservations.Outcome.RESERVED);
        assertThat(seats.reserve("n1", "r5", "third", 10_000)).isEqualTo(SeatReservations.Outcome.FULL);

        // and once the owner writes seats that count it and settles it, it counts once
        redis.hset(RedisKeys.room("r5"), "seats", "1");
        try (Jedis owner = new Jedis(URI.create(redisServer.uri()))) {
            Pipeline pipeline = owner.pipelined();
            SeatReservations.settle(pipeline, "r5", 1);
            pipeline.sync();
        }
        assertThat(redis.hget(RedisKeys.room("r5"), "redeemed")).isNull();
        assertThat(seats.reserve("n1", "r5", "third", 10_000)).isEqualTo(SeatReservations.Outcome.FULL);
    }

    @Test
    void shouldExpireAnUnusedReservationByRedisClockAndFreeItsSeat() throws Exception {
        // given a room of one seat reserved for 150 ms
        redis.hset(RedisKeys.room("r4"), Map.of("id", "r4", "type", "arena", "node", "n1", "capacity", "1",
                "seats", "0"));
        assertThat(seats.reserve("n1", "r4", "short", 150)).isEqualTo(SeatReservations.Outcome.RESERVED);
        assertThat(redis.pttl(RedisKeys.seat("short"))).isBetween(1L, 150L);

        // when its TTL passed (by Redis' clock)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (redis.exists(RedisKeys.seat("short"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }

        // then the token is dead and the seat is free again
        assertThat(seats.redeem("short", "n1", "r4", "arena")).isFalse();
        assertThat(seats.reserve("n1", "r4", "next", 10_000)).isEqualTo(SeatReservations.Outcome.RESERVED);
    }

    @Test
    void shouldIssueATokenForANewRoomOnOneNode() {
        // given
        seats.reserveNew("n3", "arena", "fresh", 10_000);

        // when / then
        assertThat(seats.redeem("fresh", "n3", "", "lobby")).isFalse();
        assertThat(seats.redeem("fresh", "n3", "", "arena")).isTrue();
        assertThat(seats.redeem("fresh", "n3", "", "arena")).isFalse();
    }

    @Test
    void shouldRefuseLockedAndUnknownRooms() {
        // given
        redis.hset(RedisKeys.room("r3"), Map.of("id", "r3", "capacity", "4", "players", "0", "locked", "1"));

        // when / then
        assertThat(seats.reserve("n1", "r3", "a", 10_000)).isEqualTo(SeatReservations.Outcome.LOCKED);
        assertThat(seats.reserve("n1", "nope", "b", 10_000)).isEqualTo(SeatReservations.Outcome.NO_ROOM);
        assertThat(redis.exists(RedisKeys.room("nope"))).isFalse();
    }
}
