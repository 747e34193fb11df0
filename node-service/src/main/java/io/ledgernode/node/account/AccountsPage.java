package io.ledgernode.node.account;

import io.ledgernode.mirror.Account;
import java.util.List;

/**
 * A page of accounts in id order ({@code GET /v1/accounts}), with the cursor of the next page (null after the last)
 * and the mirror height of the one snapshot it was read from. Amounts are decimal strings of minor units.
 */
public record AccountsPage(List<Line> accounts, String nextCursor, long mirrorHeight) {

    public AccountsPage {
        accounts = List.copyOf(accounts);
    }

    /** One account without its holds (the account's own page has them). */
    public record Line(String id, String asset, String custodianMsp, String ownerRef, String jurisdiction, String status,
                       String balance, String held, long updatedBlock) {

        static Line of(Account account) {
            return new Line(account.id(), account.asset(), account.custodianMsp(), account.ownerRef(), account.jurisdiction(),
                    account.status().name(), Long.toString(account.balance()), Long.toString(account.held()), account.updatedBlock());
        }
    }
}
