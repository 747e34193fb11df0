/**
 * Balances with the hot-account design. A credit never reads or writes the balance key: it writes a unique
 * {@code credit} key, so concurrent credits into one account never conflict. A debit reads the settled balance and,
 * only when it is too small, folds pending credits into it in key order, only as many as it needs. Every debit obeys
 * the account's limits. Queries sum the settled balance and every pending credit, so they are exact.
 *
 * <p>An account that receives and rarely pays would gather pending credits without bound, and every balance read
 * sums them all. {@link io.ledgernode.chaincode.balance.CreditConsolidation} bounds that: the custodian's node lists
 * an account's pending credits ({@code Accounts:pendingCredits}) and folds them by name
 * ({@code Accounts:consolidateCredits}, point reads only), which conflicts with debits of that account but never with
 * credits. A balance read then touches the settled record plus the credits that arrived since the last round.
 */
package io.ledgernode.chaincode.balance;
