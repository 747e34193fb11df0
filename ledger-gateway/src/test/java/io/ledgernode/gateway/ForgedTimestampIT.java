package io.ledgernode.gateway;

import static io.ledgernode.gateway.NetworkFixture.committed;
import static io.ledgernode.gateway.NetworkFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.ledgernode.api.ErrorCode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transaction timestamp is chosen by the client and Fabric does not check it; our chaincode does, on every
 * endorsing peer. This test signs a real proposal whose timestamp lies in the future, as a client releasing a hold
 * early would, and shows the peers refuse to endorse it.
 */
class ForgedTimestampIT {

    private static NetworkFixture net;

    @BeforeAll
    static void connect() {
        net = new NetworkFixture();
    }

    @AfterAll
    static void disconnect() {
        net.close();
    }

    @Test
    void a_client_cannot_release_a_hold_early_by_forging_the_transaction_timestamp() throws Exception {
        String asset = net.assetCode("F");
        net.registerAsset(asset);
        String alice = net.id("forge-alice");
        net.openAccount(net.org1User, alice, asset);
        net.mint(alice, 1_000);
        String holdId = net.id("forge-hold");
        Instant expiresAt = Instant.now().plusSeconds(600);
        committed(net.org1User, "Holds:place", json("idempotencyKey", net.id("forge-1"), "holdId", holdId, "account", alice,
                "amount", "700", "expiresAt", NetworkFixture.instant(expiresAt)));

        Proposal honest = net.org2User.connection().contract().newProposal("Holds:release").addArguments(json("holdId", holdId)).build();
        Proposal forged = withTimestamp(net.org2User.connection(), honest, expiresAt.plusSeconds(1));
        SubmitOutcome outcome = net.org2User.submit(forged);

        assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) outcome).code()).isEqualTo(ErrorCode.TX_TIME_OUT_OF_TOLERANCE);
        assertThat(net.balance(alice)).isEqualTo(300);
        // Honestly timed, the same release is refused for what it is: too early.
        NetworkFixture.rejected(net.org2User, "Holds:release", json("holdId", holdId), ErrorCode.HOLD_NOT_EXPIRED);
    }

    /** Re-signs {@code proposal} with its channel header's timestamp set to {@code when}; the tx id stays valid. */
    private static Proposal withTimestamp(LedgerConnection connection, Proposal proposal, Instant when)
            throws InvalidProtocolBufferException, GeneralSecurityException {
        ProposedTransaction proposed = ProposedTransaction.parseFrom(proposal.getBytes());
        var inner = org.hyperledger.fabric.protos.peer.Proposal.parseFrom(proposed.getProposal().getProposalBytes());
        Header header = Header.parseFrom(inner.getHeader());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader()).toBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(when.getEpochSecond()).setNanos(when.getNano()))
                .build();
        byte[] proposalBytes = inner.toBuilder()
                .setHeader(header.toBuilder().setChannelHeader(channelHeader.toByteString()).build().toByteString())
                .build().toByteArray();
        byte[] signature = connection.signer().sign(MessageDigest.getInstance("SHA-256").digest(proposalBytes));
        ProposedTransaction forged = proposed.toBuilder()
                .setProposal(SignedProposal.newBuilder()
                        .setProposalBytes(ByteString.copyFrom(proposalBytes))
                        .setSignature(ByteString.copyFrom(signature)))
                .build();
        return connection.gateway().newSignedProposal(forged.toByteArray(), signature);
    }
}
