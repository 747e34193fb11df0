package io.ledgernode.bridge.block;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;

/**
 * The data of an endorser transaction into what was invoked and the event it set: {@code Transaction → actions[0] →
 * ChaincodeActionPayload}, then the proposal's {@code ChaincodeInvocationSpec} and the response's
 * {@code ChaincodeAction.events}.
 */
final class EndorserTransactionParser {
    private EndorserTransactionParser() {}

    /** What an endorser transaction invoked: the chaincode, its first argument (null if none), its event (or null). */
    record Invocation(String chaincode, String function, ChaincodeEventData event) {}

    static Invocation parse(final ByteString transactionBytes) throws MalformedException {
        final Transaction transaction = Protos.parse("transaction", Transaction.parser(), transactionBytes);
        // Fabric's validator accepts exactly one action per transaction; anything else cannot be read as one invocation.
        MalformedException.require(transaction.getActionsCount() == 1,
                "transaction has " + transaction.getActionsCount() + " actions, expected 1");
        final ChaincodeActionPayload actionPayload = Protos.parse("chaincode action payload",
                ChaincodeActionPayload.parser(), transaction.getActions(0).getPayload());
        final ChaincodeSpec spec = invocationSpec(actionPayload);
        MalformedException.require(!spec.getChaincodeId().getName().isEmpty(), "invocation names no chaincode");
        final String function = spec.getInput().getArgsCount() == 0 ? null
                : Protos.utf8("function (first argument)", spec.getInput().getArgs(0));
        return new Invocation(spec.getChaincodeId().getName(), function, event(actionPayload));
    }

    private static ChaincodeSpec invocationSpec(final ChaincodeActionPayload actionPayload) throws MalformedException {
        final ChaincodeProposalPayload proposalPayload = Protos.parse("chaincode proposal payload",
                ChaincodeProposalPayload.parser(), actionPayload.getChaincodeProposalPayload());
        final ChaincodeInvocationSpec invocationSpec = Protos.parse("chaincode invocation spec",
                ChaincodeInvocationSpec.parser(), proposalPayload.getInput());
        MalformedException.require(invocationSpec.hasChaincodeSpec(), "invocation has no chaincode spec");
        return invocationSpec.getChaincodeSpec();
    }

    /** The event of the endorsed response, or null when the chaincode set none (empty event bytes). */
    private static ChaincodeEventData event(final ChaincodeActionPayload actionPayload) throws MalformedException {
        MalformedException.require(actionPayload.hasAction(), "chaincode action payload has no endorsed action");
        final ProposalResponsePayload responsePayload = Protos.parse("proposal response payload",
                ProposalResponsePayload.parser(), actionPayload.getAction().getProposalResponsePayload());
        final ChaincodeAction action =
                Protos.parse("chaincode action", ChaincodeAction.parser(), responsePayload.getExtension());
        if (action.getEvents().isEmpty()) {
            return null;
        }
        final ChaincodeEvent event = Protos.parse("chaincode event", ChaincodeEvent.parser(), action.getEvents());
        MalformedException.require(!event.getEventName().isEmpty(), "chaincode event has no name");
        return new ChaincodeEventData(event.getChaincodeId(), event.getEventName(), event.getPayload().toByteArray());
    }
}
