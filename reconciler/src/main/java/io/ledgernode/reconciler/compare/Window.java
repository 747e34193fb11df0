package io.ledgernode.reconciler.compare;

/**
 * The heights a chain query may have seen: it was bracketed by the peer's height before ({@code before}) and after
 * ({@code after}) it, and the peer's state may lag its block store by one block, so the state it read is the state
 * as of some height in {@code [before - 1, after]} (as of height h: the first h blocks applied).
 */
public record Window(long low, long high) {

    public Window {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("not a window of heights: [" + low + ", " + high + "]");
        }
    }

    /** The window of a query between two height reads; a window wider than {@code blocksMax} fails loudly. */
    public static Window bracket(long before, long after, int blocksMax) {
        if (after < before) {
            throw new IllegalStateException("the peer's height went back from " + before + " to " + after);
        }
        Window window = new Window(Math.max(0, before - 1), after);
        if (window.size() > blocksMax) {
            throw new IllegalStateException("a chain query spanned " + window.size() + " heights, more than compare.windowBlocksMax "
                    + blocksMax);
        }
        return window;
    }

    /** How many heights it holds. */
    public long size() {
        return high - low + 1;
    }

    /** The last block of the state as of {@code height} (block 0 for the empty state). */
    static long lastBlock(long height) {
        return Math.max(0, height - 1);
    }
}
