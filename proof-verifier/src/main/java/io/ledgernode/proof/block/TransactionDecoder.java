package io.ledgernode.proof.block;

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

    public static DecodedTransaction decode(ByteString envelopeBytes) throws MalformedException {
        Envelope envelope = MalformedException.parse("envelope", Envelope.parser(), envelopeBytes);
        Payload payload = MalformedException.parse("payload", Payload.parser(), envelope.getPayload());
        MalformedException.require(payload.hasHeader(), "payload has no header");
        ChannelHeader channelHeader = MalformedException.parse("channel header", ChannelHeader.parser(),
                payload.getHeader().getChannelHeader());
        SignatureHeader signatureHeader = MalformedException.parse("signature header", SignatureHeader.parser(),
                payload.getHeader().getSignatureHeader());
        HeaderType type = HeaderType.forNumber(channelHeader.getType());
        MalformedException.require(type != null, "unknown header type " + channelHeader.getType());
        Optional<ChaincodeTransaction> chaincode = type == HeaderType.ENDORSER_TRANSACTION
                ? Optional.of(chaincode(payload.getData())) : Optional.empty();
        return new DecodedTransaction(envelope, payload.getHeader(), channelHeader, signatureHeader, type, chaincode);
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
        String function = spec.getInput().getArgsCount() == 0 ? "" : spec.getInput().getArgs(0).toStringUtf8();
        MalformedException.require(actionPayload.hasAction(), "chaincode action payload has no endorsed action");
        ByteString responseBytes = actionPayload.getAction().getProposalResponsePayload();
        ProposalResponsePayload response = MalformedException.parse("proposal response payload",
                ProposalResponsePayload.parser(), responseBytes);
        ChaincodeAction action = MalformedException.parse("chaincode action", ChaincodeAction.parser(),
                response.getExtension());
        Optional<ChaincodeEvent> event = action.getEvents().isEmpty() ? Optional.empty()
                : Optional.of(MalformedException.parse("chaincode event", ChaincodeEvent.parser(), action.getEvents()));
        return new ChaincodeTransaction(spec.getChaincodeId().getName(), function,
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
