package io.ringside.engine.state;

import java.util.Arrays;

/**
 * A uniform grid of square cells over the plane, rebuilt at every send from the placed entities'
 * positions, answering "which entities are within r of (x, y)" by looking at the cells the circle's
 * bounding square covers instead of at every entity. Cells are hashed into a power-of-two table,
 * so the world needs no bounds; each entry keeps its cell so that hash collisions never answer a
 * wrong cell. Entity indexes go in and come out; the caller checks the exact distance. Allocates
 * only when it grows. Tick thread only.
 */
final class SpatialGrid {
    private static final int EMPTY = -1;

    private final float cellSize;
    private int[] head = new int[64];
    private int[] next = new int[64];
    private int[] entity = new int[64];
    private long[] cell = new long[64];
    private int count;

    /** A grid of {@code cellSize}-wide cells (world units, finite, greater than 0). */
    SpatialGrid(float cellSize) {
        this.cellSize = cellSize;
        Arrays.fill(head, EMPTY);
    }

    /** Empties the grid, sized for about {@code expected} entries. */
    void clear(int expected) {
        int buckets = head.length;
        if (buckets < expected * 2) {
            while (buckets < expected * 2) {
                buckets <<= 1;
            }
            head = new int[buckets];
        }
        Arrays.fill(head, EMPTY);
        count = 0;
    }

    /** Adds the entity at index {@code entityIndex} at {@code (x, y)}. */
    void add(int entityIndex, float x, float y) {
        if (count == next.length) {
            int n = count * 2;
            next = Arrays.copyOf(next, n);
            entity = Arrays.copyOf(entity, n);
            cell = Arrays.copyOf(cell, n);
        }
        long key = key(cellOf(x), cellOf(y));
        int bucket = bucket(key);
        entity[count] = entityIndex;
        cell[count] = key;
        next[count] = head[bucket];
        head[bucket] = count;
        count++;
    }

    /**
     * Appends to {@code out} (from {@code out[start]}) the index of every entity in the cells the
     * square of half-side {@code radius} around {@code (x, y)} touches; returns the new end. The
     * array must have room for every entity in the grid.
     */
    int query(float x, float y, float radius, int[] out, int start) {
        int minX = cellOf(x - radius);
        int maxX = cellOf(x + radius);
        int minY = cellOf(y - radius);
        int maxY = cellOf(y + radius);
        int end = start;
        for (int cx = minX; cx <= maxX; cx++) {
            for (int cy = minY; cy <= maxY; cy++) {
                long key = key(cx, cy);
                for (int e = head[bucket(key)]; e != EMPTY; e = next[e]) {
                    if (cell[e] == key) {
                        out[end++] = entity[e];
                    }
                }
            }
        }
        return end;
    }

    /** The number of entities in the grid. */
    int size() {
        return count;
    }

    private int cellOf(float coordinate) {
        float c = (float) Math.floor(coordinate / cellSize);
        // far outside any sane world (or NaN): clamp, the exact distance check decides
        return c != c ? 0 : (int) Math.max(-1_000_000f, Math.min(1_000_000f, c));
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    private int bucket(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (head.length - 1);
    }
}
