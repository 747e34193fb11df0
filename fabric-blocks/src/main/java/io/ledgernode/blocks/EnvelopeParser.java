package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * One envelope into a {@link ParsedTransaction}. The decoding is the block kit's ({@link TransactionDecoder}); this
 * class adds what the mirror demands beyond Fabric's structure: an endorser transaction has an id and a creator, a
 * timestamp within protobuf's range, a named chaincode, a function in valid UTF-8 and a named event.
 */
final class EnvelopeParser {
    // google.protobuf.Timestamp's documented range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private static final long TIMESTAMP_SECONDS_MIN = -62_135_596_800L;
    private static final long TIMESTAMP_SECONDS_MAX = 253_402_300_799L;
    private static final int TIMESTAMP_NANOS_MAX = 999_999_999;

    private EnvelopeParser() {}

    static ParsedTransaction parse(final int index, final ByteString envelopeBytes, final TxValidationCode code)
            throws MalformedException {
        final DecodedTransaction decoded = TransactionDecoder.decode(envelopeBytes, EnvelopeParser::checkHeaders);
        final ChannelHeader channelHeader = decoded.channelHeader();
        final Instant timestamp = timestamp(channelHeader);
        final String creatorMsp = creatorMsp(decoded.signatureHeader());
        final String txId = channelHeader.getTxId().isEmpty() ? null : channelHeader.getTxId();
        final String type = decoded.type().name();
        if (decoded.chaincode().isEmpty()) {
            // Config and other system transactions invoke no chaincode; the orderer may leave their id and creator empty.
            return new ParsedTransaction(index, txId, type, code.name(), creatorMsp, null, null, timestamp, null);
        }
        final ChaincodeTransaction chaincode = decoded.chaincode().get();
        MalformedException.require(!chaincode.chaincode().isEmpty(), "invocation names no chaincode");
        final String function = chaincode.functionBytes().isEmpty() ? null
                : utf8("function (first argument)", chaincode.functionBytes().get());
        return new ParsedTransaction(index, txId, type, code.name(), creatorMsp, chaincode.chaincode(), function,
                timestamp, event(chaincode));
    }

    /** Before the action is decoded: an endorser transaction must name its id and creator. */
    private static void checkHeaders(final ChannelHeader channelHeader, final SignatureHeader signatureHeader,
            final HeaderType type) throws MalformedException {
        if (type == HeaderType.ENDORSER_TRANSACTION) {
            MalformedException.require(!channelHeader.getTxId().isEmpty(), "endorser transaction has no tx_id");
            MalformedException.require(creatorMsp(signatureHeader) != null,
                    "endorser transaction " + channelHeader.getTxId() + " has no creator");
        }
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
        final SerializedIdentity creator = MalformedException.parse("creator identity", SerializedIdentity.parser(),
                signatureHeader.getCreator());
        MalformedException.require(!creator.getMspid().isEmpty(), "creator identity has no MSP id");
        return creator.getMspid();
    }

    /** The event of the endorsed response, or null when the chaincode set none (empty event bytes). */
    private static ChaincodeEventData event(final ChaincodeTransaction chaincode) throws MalformedException {
        if (chaincode.event().isEmpty()) {
            return null;
        }
        final ChaincodeEvent event = chaincode.event().get();
        MalformedException.require(!event.getEventName().isEmpty(), "chaincode event has no name");
        return new ChaincodeEventData(event.getChaincodeId(), event.getEventName(), event.getPayload().toByteArray());
    }

    /** The bytes as UTF-8, refusing malformed sequences rather than replacing them. */
    private static String utf8(final String what, final ByteString bytes) throws MalformedException {
        MalformedException.require(bytes.isValidUtf8(), what + " is not valid UTF-8");
        return bytes.toStringUtf8();
    }
}
