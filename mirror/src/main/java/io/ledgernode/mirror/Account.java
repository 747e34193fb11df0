package io.ledgernode.mirror;

import io.ledgernode.api.account.AccountStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A row of {@link MirrorTables#ACCOUNTS}: an account with its balance and held amount after the last mirrored block.
 *
 * @param id the account id
 * @param asset the one asset it holds
 * @param custodianMsp the MSP id of the org that keeps it
 * @param ownerRef the custodian's reference of its owner (personal data: never shown outside the custodian)
 * @param jurisdiction its jurisdiction
 * @param status active or frozen
 * @param perTransferMax the most one transfer may debit, integer minor units, when limited
 * @param dailyDebitMax the most it may be debited in a day, integer minor units, when limited
 * @param balance integer minor units available
 * @param held integer minor units held
 * @param openedBlock the block that opened it
 * @param updatedBlock the last block that changed it
 */
public record Account(String id, String asset, String custodianMsp, String ownerRef, String jurisdiction, AccountStatus status,
        OptionalLong perTransferMax, OptionalLong dailyDebitMax, long balance, long held, long openedBlock, long updatedBlock) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(custodianMsp, "custodianMsp");
        Objects.requireNonNull(ownerRef, "ownerRef");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(perTransferMax, "perTransferMax");
        Objects.requireNonNull(dailyDebitMax, "dailyDebitMax");
        if (balance < 0 || held < 0) {
            throw new IllegalArgumentException("account " + id + " with balance " + balance + " and held " + held);
        }
    }
}
