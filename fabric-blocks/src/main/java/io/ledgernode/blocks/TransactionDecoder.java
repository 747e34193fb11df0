package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
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

/**
 * Decodes an envelope the way Fabric's validator reads it: {@code Envelope → Payload → Header}, and for an endorser
 * transaction {@code Transaction → actions[0] → ChaincodeActionPayload}: the invocation from the proposal payload, the
 * endorsed {@code ProposalResponsePayload → ChaincodeAction} with its event and read-write set.
 */
public final class TransactionDecoder {
    private TransactionDecoder() {}

    /**
     * Only the channel header of an envelope ({@code Envelope → Payload → Header → ChannelHeader}): enough to find a
     * transaction by id or tell its type, without decoding its actions.
     */
    public static ChannelHeader channelHeader(ByteString envelopeBytes) throws MalformedException {
        Envelope envelope = MalformedException.parse("envelope", Envelope.parser(), envelopeBytes);
        Payload payload = MalformedException.parse("payload", Payload.parser(), envelope.getPayload());
        MalformedException.require(payload.hasHeader(), "payload has no header");
        return MalformedException.parse("channel header", ChannelHeader.parser(), payload.getHeader().getChannelHeader());
    }

    /** The whole envelope: headers, and for an endorser transaction its one chaincode action. */
    public static DecodedTransaction decode(ByteString envelopeBytes) throws MalformedException {
        return decode(envelopeBytes, (channelHeader, signatureHeader, type) -> { });
    }

    /**
     * The whole envelope, with {@code check} run on its headers before the chaincode action is decoded, so a caller's
     * own demands on the headers (a transaction id, a creator) are reported before anything deeper.
     */
    public static DecodedTransaction decode(ByteString envelopeBytes, HeaderCheck check) throws MalformedException {
        Envelope envelope = MalformedException.parse("envelope", Envelope.parser(), envelopeBytes);
        Payload payload = MalformedException.parse("payload", Payload.parser(), envelope.getPayload());
        MalformedException.require(payload.hasHeader(), "payload has no header");
        ChannelHeader channelHeader = MalformedException.parse("channel header", ChannelHeader.parser(),
                payload.getHeader().getChannelHeader());
        SignatureHeader signatureHeader = MalformedException.parse("signature header", SignatureHeader.parser(),
                payload.getHeader().getSignatureHeader());
        HeaderType type = HeaderType.forNumber(channelHeader.getType());
        MalformedException.require(type != null, "unknown header type " + channelHeader.getType());
        check.check(channelHeader, signatureHeader, type);
        Optional<ChaincodeTransaction> chaincode = type == HeaderType.ENDORSER_TRANSACTION
                ? Optional.of(chaincode(payload.getData())) : Optional.empty();
        return new DecodedTransaction(envelope, payload.getHeader(), channelHeader, signatureHeader, type, chaincode);
    }

    /** A caller's demands on an envelope's headers, checked before its chaincode action is decoded. */
    @FunctionalInterface
    public interface HeaderCheck {
        void check(ChannelHeader channelHeader, SignatureHeader signatureHeader, HeaderType type)
                throws MalformedException;
    }

    private static ChaincodeTransaction chaincode(ByteString transactionBytes) throws MalformedException {
        Transaction transaction = MalformedException.parse("transaction", Transaction.parser(), transactionBytes);
        // Fabric's validator accepts exactly one action per endorser transaction.
        MalformedException.require(transaction.getActionsCount() == 1,
                "transaction has " + transaction.getActionsCount() + " actions, Fabric accepts exactly 1");
        ChaincodeActionPayload actionPayload = MalformedException.parse("chaincode action payload",
                ChaincodeActionPayload.parser(), transaction.getActions(0).getPayload());
        ChaincodeProposalPayload proposalPayload = MalformedException.parse("chaincode proposal payload",
                ChaincodeProposalPayload.parser(), actionPayload.getChaincodeProposalPayload());
        ChaincodeInvocationSpec invocation = MalformedException.parse("chaincode invocation spec",
                ChaincodeInvocationSpec.parser(), proposalPayload.getInput());
        MalformedException.require(invocation.hasChaincodeSpec(), "invocation has no chaincode spec");
        var spec = invocation.getChaincodeSpec();
        Optional<ByteString> functionBytes = spec.getInput().getArgsCount() == 0 ? Optional.empty()
                : Optional.of(spec.getInput().getArgs(0));
        String function = functionBytes.map(ByteString::toStringUtf8).orElse("");
        MalformedException.require(actionPayload.hasAction(), "chaincode action payload has no endorsed action");
        ByteString responseBytes = actionPayload.getAction().getProposalResponsePayload();
        ProposalResponsePayload response = MalformedException.parse("proposal response payload",
                ProposalResponsePayload.parser(), responseBytes);
        ChaincodeAction action = MalformedException.parse("chaincode action", ChaincodeAction.parser(),
                response.getExtension());
        Optional<ChaincodeEvent> event = action.getEvents().isEmpty() ? Optional.empty()
                : Optional.of(MalformedException.parse("chaincode event", ChaincodeEvent.parser(), action.getEvents()));
        return new ChaincodeTransaction(spec.getChaincodeId().getName(), function, functionBytes,
                actionPayload.getChaincodeProposalPayload(), responseBytes, response,
                actionPayload.getAction().getEndorsementsList(), event, writes(action.getResults()));
    }

    private static List<StateWrite> writes(ByteString results) throws MalformedException {
        List<StateWrite> writes = new ArrayList<>();
        if (results.isEmpty()) {
            return writes;
        }
        TxReadWriteSet rwset = MalformedException.parse("read-write set", TxReadWriteSet.parser(), results);
        for (NsReadWriteSet namespace : rwset.getNsRwsetList()) {
            KVRWSet kv = MalformedException.parse("read-write set of " + namespace.getNamespace(), KVRWSet.parser(),
                    namespace.getRwset());
            for (KVWrite write : kv.getWritesList()) {
                writes.add(new StateWrite(namespace.getNamespace(), write.getKey(), write.getIsDelete(), write.getValue()));
            }
        }
        return writes;
    }
}
