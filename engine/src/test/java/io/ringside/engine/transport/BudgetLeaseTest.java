package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetLeaseTest {
    private static final long MIB = 1 << 20;

    @Test
    void shouldTakeFromTheBudgetOnlyOncePerChunk() {
        // given: a 64 MiB budget hands out 256 KiB chunks
        MemoryBudget budget = new MemoryBudget(64 * MIB);
        BudgetLease lease = new BudgetLease(budget);

        // when
        boolean first = lease.charge(1000);
        long afterFirst = budget.available();
        for (int i = 0; i < 200; i++) {
            lease.charge(1000);
        }

        // then
        assertThat(first).isTrue();
        assertThat(afterFirst).isEqualTo(64 * MIB - MemoryBudget.MAX_CHUNK_BYTES);
        assertThat(budget.available()).isEqualTo(afterFirst);
    }

    @Test
    void shouldReportAnOverdraftAndStillChargeTheBytes() {
        // given
        MemoryBudget budget = new MemoryBudget(MIB);
        BudgetLease lease = new BudgetLease(budget);

        // when
        boolean within = lease.charge(MIB / 2);
        boolean over = lease.charge(MIB);

        // then
        assertThat(within).isTrue();
        assertThat(over).isFalse();
        assertThat(budget.overdrawn()).isTrue();
        assertThat(budget.available()).isNegative();
    }

    @Test
    void shouldGiveBackWhatItKeepsBeyondTwoChunksOnCredit() {
        // given
        MemoryBudget budget = new MemoryBudget(64 * MIB);
        BudgetLease lease = new BudgetLease(budget);
        lease.charge(10 * MIB);

        // when
        lease.credit(10 * MIB);

        // then: one chunk stays with the loop
        assertThat(budget.available()).isEqualTo(64 * MIB - budget.chunk);
        lease.close();
        assertThat(budget.available()).isEqualTo(64 * MIB);
    }

    @Test
    void shouldBeLowBelowASixteenthFree() {
        // given
        MemoryBudget budget = new MemoryBudget(16 * MIB);

        // when
        budget.take(15 * MIB);
        boolean lowAtOneMib = budget.low();
        budget.take(1);

        // then
        assertThat(lowAtOneMib).isFalse();
        assertThat(budget.low()).isTrue();
        assertThat(budget.overdrawn()).isFalse();
    }
}
