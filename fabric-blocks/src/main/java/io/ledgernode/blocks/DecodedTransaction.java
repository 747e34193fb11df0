package io.ledgernode.blocks;

import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;

/**
 * One envelope of a block, decoded: its headers (and their exact bytes, in {@code header}), and for an endorser
 * transaction its chaincode action.
 */
public record DecodedTransaction(Envelope envelope, Header header, ChannelHeader channelHeader,
                                 SignatureHeader signatureHeader, HeaderType type,
                                 Optional<ChaincodeTransaction> chaincode) {
    public DecodedTransaction {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(channelHeader, "channelHeader");
        Objects.requireNonNull(signatureHeader, "signatureHeader");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(chaincode, "chaincode");
    }
}
