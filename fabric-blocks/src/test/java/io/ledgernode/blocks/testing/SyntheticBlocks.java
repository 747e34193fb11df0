package io.ledgernode.blocks.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.ledgernode.blocks.BlockHashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/** Small blocks built in the test, shaped like the ones Fabric writes, with correct data hashes. */
public final class SyntheticBlocks {
    public static final long TIMESTAMP_SECONDS = 1_795_390_266L;
    private static final int METADATA_ENTRIES = 5;

    private SyntheticBlocks() {}

    /** An endorser transaction invoking {@code chaincode} with {@code args}; {@code eventName} null for no event. */
    public static ByteString endorserEnvelope(final String txId, final String chaincode, final List<String> args,
            final String eventName, final String eventPayload) {
        final ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
        args.forEach(arg -> input.addArgs(ByteString.copyFromUtf8(arg)));
        final ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode)).setInput(input))
                .build();
        final ByteString events = eventName == null ? ByteString.EMPTY : ChaincodeEvent.newBuilder()
                .setChaincodeId(chaincode).setTxId(txId).setEventName(eventName)
                .setPayload(ByteString.copyFrom(eventPayload, StandardCharsets.UTF_8)).build().toByteString();
        final ProposalResponsePayload response = ProposalResponsePayload.newBuilder()
                .setExtension(ChaincodeAction.newBuilder().setEvents(events).build().toByteString()).build();
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setChaincodeProposalPayload(
                        ChaincodeProposalPayload.newBuilder().setInput(spec.toByteString()).build().toByteString())
                .setAction(ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(response.toByteString()))
                .build();
        final Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        return envelope(HeaderType.ENDORSER_TRANSACTION, txId, "Org1MSP", transaction.toByteString());
    }

    public static ByteString envelope(final HeaderType type, final String txId, final String mspId, final ByteString data) {
        final ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(type.getNumber()).setTxId(txId)
                .setChannelId("ledger").setTimestamp(Timestamp.newBuilder().setSeconds(TIMESTAMP_SECONDS)).build();
        final SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(SerializedIdentity.newBuilder().setMspid(mspId).build().toByteString()).build();
        final Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString()))
                .setData(data).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
    }

    /** A block of these envelopes with its data hash set, every envelope VALID. */
    public static Block block(final long number, final byte[] previousHash, final List<ByteString> envelopes) {
        final BlockData data = BlockData.newBuilder().addAllData(envelopes).build();
        final BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int index = 0; index < METADATA_ENTRIES; index++) {
            metadata.addMetadata(ByteString.EMPTY);
        }
        metadata.setMetadata(2, ByteString.copyFrom(new byte[envelopes.size()]));
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number).setPreviousHash(ByteString.copyFrom(previousHash))
                        .setDataHash(BlockHashes.dataHash(data)))
                .setData(data).setMetadata(metadata).build();
    }

    /** A simple valid transfer envelope, for blocks whose content does not matter. */
    public static ByteString transfer(final String txId) {
        return endorserEnvelope(txId, "ledger", List.of("Money:transfer", "{}"), "TRANSFERRED", "{}");
    }
}
