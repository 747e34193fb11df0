package io.ledgernode.api.account;

/** Whether an account may move money; a frozen account can neither send nor receive. */
public enum AccountStatus {
    ACTIVE,
    FROZEN
}
