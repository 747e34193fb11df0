/**
 * The listings a reconciler pages through: every account with its exact balance, held sum and a summary of its open
 * holds ({@code Accounts:list}, and {@code Accounts:summary} for one account), and every asset with its supply
 * ({@code Assets:list}). Each page reads its records with a few range reads (accounts, their balance records, their
 * pending credits, their open-hold index) rather than several reads per account, so a listing of a million accounts
 * costs thousands of round trips to the peer, not millions. Queries only: they use paginated reads.
 */
package io.ledgernode.chaincode.listing;
