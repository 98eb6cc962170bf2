package io.ringside.engine.transport;

/**
 * One I/O loop's share of the {@link MemoryBudget}: bytes taken from it in chunks and not yet
 * charged to a connection. Charges and credits touch only this loop's field, and the shared
 * counter once per chunk. Loop thread only.
 */
final class BudgetLease {
    private final MemoryBudget budget;
    private long local;

    BudgetLease(MemoryBudget budget) {
        this.budget = budget;
    }

    /**
     * Charges {@code bytes} the loop now holds; {@code false} when that overdrew the budget (the
     * bytes are charged all the same: they are on the heap already).
     */
    boolean charge(long bytes) {
        if (bytes <= local) {
            local -= bytes;
            return true;
        }
        long taken = Math.max(budget.chunk, bytes - local);
        long left = budget.take(taken);
        local += taken - bytes;
        return left >= 0;
    }

    /** Credits {@code bytes} the loop no longer holds; returns what it keeps beyond two chunks. */
    void credit(long bytes) {
        local += bytes;
        if (local > 2 * budget.chunk) {
            long back = local - budget.chunk;
            local = budget.chunk;
            budget.give(back);
        }
    }

    /** Returns everything held here to the budget (the loop ends). */
    void close() {
        budget.give(local);
        local = 0;
    }
}
