/**
 * {@code Accounts}: opening accounts (one or many), account records and their status and limits, and the paginated
 * views of an account (its open holds and its history).
 */
package io.ledgernode.api.account;
