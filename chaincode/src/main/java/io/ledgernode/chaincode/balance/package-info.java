/**
 * Balances with the hot-account design. A credit never reads or writes the balance key: it writes a unique
 * {@code credit} key, so concurrent credits into one account never conflict. A debit reads the settled balance and,
 * only when it is too small, folds pending credits into it in key order, only as many as it needs. Every debit obeys
 * the account's limits. Queries sum the settled balance and every pending credit, so they are exact.
 */
package io.ledgernode.chaincode.balance;
