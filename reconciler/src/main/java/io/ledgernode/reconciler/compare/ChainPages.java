package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.reconciler.chain.ChainReader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the chain's account pages ahead of the comparison, on a thread of its own, each bracketed by the peer's
 * height before and after it: while the comparison waits for the mirror to catch up with one page, the next pages are
 * already being read. At most {@code aheadMax} pages wait in memory.
 */
final class ChainPages implements AutoCloseable {

    /** A page with the window of heights it may have seen. */
    record Bracketed(AccountLinesPage page, Window window) {
    }

    private sealed interface Item {
    }

    private record PageItem(Bracketed page) implements Item {
    }

    private record Failed(RuntimeException error) implements Item {
    }

    private record End() implements Item {
    }

    private final BlockingQueue<Item> queue;
    private final Thread reader;
    private boolean ended;

    ChainPages(ChainReader chain, int pageSize, int aheadMax, int windowBlocksMax) {
        this.queue = new ArrayBlockingQueue<>(aheadMax + 1);
        this.reader = Thread.ofPlatform().daemon().name("chain-pages").unstarted(() -> read(chain, pageSize, windowBlocksMax));
        reader.start();
    }

    private void read(ChainReader chain, int pageSize, int windowBlocksMax) {
        try {
            String bookmark = "";
            while (true) {
                long before = chain.height();
                AccountLinesPage page = chain.accounts(pageSize, bookmark);
                long after = chain.height();
                queue.put(new PageItem(new Bracketed(page, Window.bracket(before, after, windowBlocksMax))));
                if (page.bookmark().isEmpty()) {
                    queue.put(new End());
                    return;
                }
                bookmark = page.bookmark();
            }
        } catch (InterruptedException e) {
            // Closed before the last page: the comparison has stopped and takes nothing more.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(new Failed(e));
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next page, or null after the last; a failure of the reading thread is thrown here. */
    Bracketed next() throws InterruptedException {
        if (ended) {
            return null;
        }
        return switch (queue.take()) {
            case PageItem item -> item.page();
            case Failed failed -> {
                ended = true;
                throw failed.error();
            }
            case End end -> {
                ended = true;
                yield null;
            }
        };
    }

    @Override
    public void close() {
        reader.interrupt();
        queue.clear();
    }
}
