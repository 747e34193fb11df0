package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;

/**
 * An endorser transaction's one chaincode action: what was invoked, the response payload the endorsers signed (and
 * its bytes, which they signed exactly), their endorsements, the event and the writes.
 *
 * @param function the first argument as text (malformed UTF-8 replaced), empty when there is none
 * @param functionBytes the first argument's exact bytes, empty when the invocation has no arguments
 * @param chaincodeProposalPayload the bytes the proposal hash covers, as the transaction carries them
 */
public record ChaincodeTransaction(String chaincode, String function, Optional<ByteString> functionBytes,
                                   ByteString chaincodeProposalPayload,
                                   ByteString responsePayloadBytes, ProposalResponsePayload responsePayload,
                                   List<Endorsement> endorsements, Optional<ChaincodeEvent> event,
                                   List<StateWrite> writes) {
    public ChaincodeTransaction {
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(functionBytes, "functionBytes");
        Objects.requireNonNull(chaincodeProposalPayload, "chaincodeProposalPayload");
        Objects.requireNonNull(responsePayloadBytes, "responsePayloadBytes");
        Objects.requireNonNull(responsePayload, "responsePayload");
        Objects.requireNonNull(event, "event");
        endorsements = List.copyOf(endorsements);
        writes = List.copyOf(writes);
    }
}
