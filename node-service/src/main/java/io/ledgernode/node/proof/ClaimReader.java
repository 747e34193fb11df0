package io.ledgernode.node.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.money.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What the node claims about a transaction, read from the block as this org's peer holds it: the validation code
 * its peer recorded, and for a chaincode transaction the invocation, the event's balance entries (the ledger's own
 * event classes) and the world-state writes. The verifier decodes the same envelope its own way and compares.
 */
final class ClaimReader {
    private ClaimReader() {}

    /** The position of the first envelope of {@code txId} in the block (Fabric indexes the first occurrence). */
    static OptionalInt indexOf(Block block, String txId) {
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if (txId.equals(channelHeader(envelope(block, i)).getTxId())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    static ProofBundle.Claim claim(Block block, int index) {
        byte[] flags = BlockFacts.validationFlags(block);
        if (index >= flags.length) {
            throw new IllegalStateException("block " + Long.toUnsignedString(block.getHeader().getNumber())
                    + " has no validation flag for envelope " + index);
        }
        TxValidationCode code = TxValidationCode.forNumber(flags[index] & 0xff);
        String validationCode = code == null ? "UNKNOWN_" + (flags[index] & 0xff) : code.name();
        Envelope envelope = envelope(block, index);
        if (channelHeader(envelope).getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return new ProofBundle.Claim(validationCode, Optional.empty());
        }
        return new ProofBundle.Claim(validationCode, Optional.of(effects(envelope, code == TxValidationCode.VALID)));
    }

    private static ProofBundle.Effects effects(Envelope envelope, boolean applied) {
        ChaincodeActionPayload actionPayload = parse(Transaction.parser(), payload(envelope).getData(), "transaction")
                .getActionsList().stream().findFirst()
                .map(action -> parse(ChaincodeActionPayload.parser(), action.getPayload(), "chaincode action payload"))
                .orElseThrow(() -> new IllegalStateException("the transaction has no action"));
        ChaincodeInvocationSpec invocation = parse(ChaincodeInvocationSpec.parser(),
                parse(ChaincodeProposalPayload.parser(), actionPayload.getChaincodeProposalPayload(), "proposal payload")
                        .getInput(), "invocation spec");
        var spec = invocation.getChaincodeSpec();
        String function = spec.getInput().getArgsCount() == 0 ? "" : spec.getInput().getArgs(0).toStringUtf8();
        ChaincodeAction action = parse(ChaincodeAction.parser(), parse(ProposalResponsePayload.parser(),
                actionPayload.getAction().getProposalResponsePayload(), "proposal response payload").getExtension(),
                "chaincode action");
        Optional<ChaincodeEvent> event = action.getEvents().isEmpty() ? Optional.empty()
                : Optional.of(parse(ChaincodeEvent.parser(), action.getEvents(), "chaincode event"));
        List<Entry> entries = event.map(e -> LedgerEvents.parse(e.getEventName(), e.getPayload().toByteArray()).entries())
                .orElse(List.of());
        return new ProofBundle.Effects(applied, spec.getChaincodeId().getName(), function,
                event.map(ChaincodeEvent::getEventName).orElse(null), entries, writes(action.getResults()));
    }

    private static List<ProofBundle.Write> writes(ByteString results) {
        List<ProofBundle.Write> writes = new ArrayList<>();
        if (results.isEmpty()) {
            return writes;
        }
        for (NsReadWriteSet namespace : parse(TxReadWriteSet.parser(), results, "read-write set").getNsRwsetList()) {
            for (KVWrite write : parse(KVRWSet.parser(), namespace.getRwset(), "key-value set").getWritesList()) {
                writes.add(new ProofBundle.Write(namespace.getNamespace(), write.getKey(), write.getIsDelete(),
                        write.getValue().toByteArray()));
            }
        }
        return writes;
    }

    private static Envelope envelope(Block block, int index) {
        return parse(Envelope.parser(), block.getData().getData(index), "envelope " + index);
    }

    private static Payload payload(Envelope envelope) {
        return parse(Payload.parser(), envelope.getPayload(), "payload");
    }

    private static ChannelHeader channelHeader(Envelope envelope) {
        return parse(ChannelHeader.parser(), payload(envelope).getHeader().getChannelHeader(), "channel header");
    }

    private static <T> T parse(com.google.protobuf.Parser<T> parser, ByteString bytes, String what) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            // The peer committed this block; an unreadable part is a fault of the peer or of this reader.
            throw new IllegalStateException("the block's " + what + " is not readable", e);
        }
    }
}
