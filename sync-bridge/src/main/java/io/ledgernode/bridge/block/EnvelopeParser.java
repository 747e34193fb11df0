package io.ledgernode.bridge.block;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** One envelope into a {@link ParsedTransaction}: its headers, and for endorser transactions the invocation. */
final class EnvelopeParser {
    // google.protobuf.Timestamp's documented range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private static final long TIMESTAMP_SECONDS_MIN = -62_135_596_800L;
    private static final long TIMESTAMP_SECONDS_MAX = 253_402_300_799L;
    private static final int TIMESTAMP_NANOS_MAX = 999_999_999;

    private EnvelopeParser() {}

    static ParsedTransaction parse(final int index, final ByteString envelopeBytes, final TxValidationCode code)
            throws MalformedException {
        final Envelope envelope = Protos.parse("envelope", Envelope.parser(), envelopeBytes);
        final Payload payload = Protos.parse("payload", Payload.parser(), envelope.getPayload());
        MalformedException.require(payload.hasHeader(), "payload has no header");
        final ChannelHeader channelHeader =
                Protos.parse("channel header", ChannelHeader.parser(), payload.getHeader().getChannelHeader());
        final SignatureHeader signatureHeader =
                Protos.parse("signature header", SignatureHeader.parser(), payload.getHeader().getSignatureHeader());
        final HeaderType type = headerType(channelHeader);
        final Instant timestamp = timestamp(channelHeader);
        final String creatorMsp = creatorMsp(signatureHeader);
        final String txId = channelHeader.getTxId().isEmpty() ? null : channelHeader.getTxId();
        if (type != HeaderType.ENDORSER_TRANSACTION) {
            // Config and other system transactions invoke no chaincode; the orderer may leave their id and creator empty.
            return new ParsedTransaction(index, txId, type.name(), code.name(), creatorMsp, null, null, timestamp, null);
        }
        MalformedException.require(txId != null, "endorser transaction has no tx_id");
        MalformedException.require(creatorMsp != null, "endorser transaction " + txId + " has no creator");
        final EndorserTransactionParser.Invocation invocation = EndorserTransactionParser.parse(payload.getData());
        return new ParsedTransaction(index, txId, type.name(), code.name(), creatorMsp, invocation.chaincode(),
                invocation.function(), timestamp, invocation.event());
    }

    private static HeaderType headerType(final ChannelHeader channelHeader) throws MalformedException {
        final HeaderType type = HeaderType.forNumber(channelHeader.getType());
        MalformedException.require(type != null, "unknown header type " + channelHeader.getType());
        return type;
    }

    private static Instant timestamp(final ChannelHeader channelHeader) throws MalformedException {
        MalformedException.require(channelHeader.hasTimestamp(), "channel header has no timestamp");
        final Timestamp timestamp = channelHeader.getTimestamp();
        MalformedException.require(timestamp.getSeconds() >= TIMESTAMP_SECONDS_MIN
                && timestamp.getSeconds() <= TIMESTAMP_SECONDS_MAX && timestamp.getNanos() >= 0
                && timestamp.getNanos() <= TIMESTAMP_NANOS_MAX, "channel header timestamp is out of range");
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** The creator's MSP id, or null when the signature header names no creator at all. */
    private static String creatorMsp(final SignatureHeader signatureHeader) throws MalformedException {
        if (signatureHeader.getCreator().isEmpty()) {
            return null;
        }
        final SerializedIdentity creator =
                Protos.parse("creator identity", SerializedIdentity.parser(), signatureHeader.getCreator());
        MalformedException.require(!creator.getMspid().isEmpty(), "creator identity has no MSP id");
        return creator.getMspid();
    }
}
