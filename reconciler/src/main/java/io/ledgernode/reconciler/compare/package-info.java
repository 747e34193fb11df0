/**
 * The comparison itself. A run makes three passes: every account (paged from the chain, compared page by page with
 * the mirror's state as of the heights the page may have seen), every asset's supply, and every block's hashes and
 * transactions. A page is bracketed by the peer's height before and after it ({@link
 * io.ledgernode.reconciler.compare.Window}); the mirror is read once it holds every block of that bracket, and an
 * account matches if the mirror's state equals the chain's at some height of the bracket, the same height for the
 * whole page. An account that changed while it was read is rechecked alone. So transfers may keep flowing: only a
 * true difference is a break.
 */
package io.ledgernode.reconciler.compare;
