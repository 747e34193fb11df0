package io.ledgernode.node.grpc;

import io.ledgernode.node.account.AccountAnswer;
import io.ledgernode.node.account.HistoryLine;
import io.ledgernode.node.account.HistoryPage;
import io.ledgernode.node.hold.HoldAnswer;
import io.ledgernode.node.hold.HoldsPage;
import io.ledgernode.node.explorer.BlockAnswer;
import io.ledgernode.node.explorer.SupplyAnswer;
import io.ledgernode.node.explorer.TransactionAnswer;
import io.ledgernode.node.grpc.v1.Account;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.node.grpc.v1.AccountTransactionsPage;
import io.ledgernode.node.grpc.v1.AssetSupply;
import io.ledgernode.node.grpc.v1.Block;
import io.ledgernode.node.grpc.v1.BlockTransaction;
import io.ledgernode.node.grpc.v1.Hold;
import io.ledgernode.node.grpc.v1.Supply;
import io.ledgernode.node.grpc.v1.Transaction;
import io.ledgernode.node.grpc.v1.TransactionEntry;
import io.ledgernode.node.scope.ShownEntry;

/**
 * The read answers (the records the REST API writes as JSON) as the proto messages of the same names, field for
 * field. A null (an absent optional column) is proto3's default, the empty string: exactly what the JSON mapping of
 * the REST answer used to give.
 */
final class ProtoAnswers {

    private ProtoAnswers() {
    }

    static Account account(AccountAnswer answer) {
        Account.Builder account = Account.newBuilder().setId(text(answer.id())).setAsset(text(answer.asset()))
                .setCustodianMsp(text(answer.custodianMsp())).setOwnerRef(text(answer.ownerRef()))
                .setJurisdiction(text(answer.jurisdiction())).setStatus(text(answer.status())).setBalance(text(answer.balance()))
                .setHeld(text(answer.held())).setPerTransferMax(text(answer.perTransferMax()))
                .setDailyDebitMax(text(answer.dailyDebitMax())).setUpdatedBlock(answer.updatedBlock())
                .setMirrorHeight(answer.mirrorHeight());
        for (AccountAnswer.HoldLine hold : answer.holds()) {
            account.addHolds(Hold.newBuilder().setId(text(hold.id())).setAmount(text(hold.amount())).setPayee(text(hold.payee()))
                    .setExpiresAt(text(hold.expiresAt())));
        }
        return account.build();
    }

    static io.ledgernode.node.grpc.v1.HoldRecord hold(HoldAnswer answer) {
        io.ledgernode.node.grpc.v1.HoldRecord.Builder hold = io.ledgernode.node.grpc.v1.HoldRecord.newBuilder().setId(answer.id())
                .setAccountId(answer.accountId()).setAsset(answer.asset()).setAmount(answer.amount()).setPayee(text(answer.payee()))
                .setExpiresAt(answer.expiresAt()).setStatus(answer.status()).setPlacedTxId(answer.placedTxId())
                .setPlacedBlock(answer.placedBlock()).setClosedTxId(text(answer.closedTxId())).setMirrorHeight(answer.mirrorHeight());
        if (answer.closedBlock() != null) {
            hold.setClosedBlock(answer.closedBlock());
        }
        return hold.build();
    }

    static io.ledgernode.node.grpc.v1.HoldsPage holds(HoldsPage page) {
        io.ledgernode.node.grpc.v1.HoldsPage.Builder answer = io.ledgernode.node.grpc.v1.HoldsPage.newBuilder()
                .setNextCursor(text(page.nextCursor())).setMirrorHeight(page.mirrorHeight());
        page.holds().forEach(hold -> answer.addHolds(hold(hold)));
        return answer.build();
    }

    static AccountTransactionsPage history(HistoryPage page) {
        AccountTransactionsPage.Builder answer = AccountTransactionsPage.newBuilder().setNextCursor(text(page.nextCursor()))
                .setMirrorHeight(page.mirrorHeight());
        page.entries().forEach(line -> answer.addEntries(accountTransaction(line)));
        return answer.build();
    }

    static AccountTransaction accountTransaction(HistoryLine line) {
        return AccountTransaction.newBuilder().setBlockNumber(line.blockNumber()).setTxIndex(line.txIndex())
                .setEntryIndex(line.entryIndex()).setTxId(text(line.txId())).setKind(text(line.kind()))
                .setAmount(text(line.amount())).setAsset(text(line.asset())).setHoldId(text(line.holdId()))
                .setTxTimestamp(text(line.txTimestamp())).setFunction(text(line.function()))
                .setCounterparty(text(line.counterparty())).setReference(text(line.reference())).build();
    }

    static Transaction transaction(TransactionAnswer answer) {
        Transaction.Builder tx = Transaction.newBuilder().setBlockNumber(answer.blockNumber()).setTxIndex(answer.txIndex())
                .setTxId(text(answer.txId())).setHeaderType(text(answer.headerType()))
                .setValidationCode(text(answer.validationCode())).setCreatorMsp(text(answer.creatorMsp()))
                .setChaincode(text(answer.chaincode())).setFunction(text(answer.function()))
                .setTxTimestamp(text(answer.txTimestamp())).setEventName(text(answer.eventName()))
                .setMirrorHeight(answer.mirrorHeight());
        for (ShownEntry entry : answer.entries()) {
            tx.addEntries(TransactionEntry.newBuilder().setEntryIndex(entry.entryIndex()).setAccountId(text(entry.accountId()))
                    .setJurisdiction(text(entry.jurisdiction())).setKind(text(entry.kind())).setAmount(text(entry.amount()))
                    .setAsset(text(entry.asset())).setHoldId(text(entry.holdId())).setCounterparty(text(entry.counterparty()))
                    .setReference(text(entry.reference())));
        }
        return tx.build();
    }

    static Block block(BlockAnswer answer) {
        Block.Builder block = Block.newBuilder().setNumber(answer.number()).setHeaderHash(text(answer.headerHash()))
                .setPreviousHash(text(answer.previousHash())).setDataHash(text(answer.dataHash())).setTxCount(answer.txCount())
                .setObservedAt(text(answer.observedAt())).setMirrorHeight(answer.mirrorHeight());
        for (BlockAnswer.Line tx : answer.transactions()) {
            block.addTransactions(BlockTransaction.newBuilder().setTxIndex(tx.txIndex()).setTxId(text(tx.txId()))
                    .setValidationCode(text(tx.validationCode())).setCreatorMsp(text(tx.creatorMsp()))
                    .setFunction(text(tx.function())));
        }
        return block.build();
    }

    static Supply supply(SupplyAnswer answer) {
        Supply.Builder supply = Supply.newBuilder().setMirrorHeight(answer.mirrorHeight());
        for (SupplyAnswer.Line asset : answer.assets()) {
            supply.addAssets(AssetSupply.newBuilder().setCode(text(asset.code())).setDecimals(asset.decimals())
                    .setSupply(text(asset.supply())));
        }
        return supply.build();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
