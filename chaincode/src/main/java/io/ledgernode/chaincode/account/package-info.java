/**
 * {@code Accounts}: opening accounts (one, or many all-or-nothing), account records, and the account queries: the
 * exact balance view, open holds and history, both paginated.
 */
package io.ledgernode.chaincode.account;
