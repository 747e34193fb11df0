package io.ledgernode.gateway;

import io.ledgernode.api.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Reads the chaincode's stable error code out of a gateway failure. The chaincode answers {@code CODE: text}; the
 * peer wraps it ({@code chaincode response 500, CODE: text}) and the gateway lists it per endorsing peer.
 */
final class ChaincodeErrors {

    private static final Pattern CODE = Pattern.compile("\\b([A-Z][A-Z_]+): ");

    private ChaincodeErrors() {
    }

    /** The first chaincode rejection among the peers' answers, if any peer's answer was one. */
    static Optional<Rejection> rejection(GatewayException e) {
        List<ErrorDetail> details = e.getDetails();
        for (ErrorDetail detail : details) {
            Optional<Rejection> found = parse(detail.getMessage());
            if (found.isPresent()) {
                return found;
            }
        }
        return parse(e.getStatus().getDescription());
    }

    static Optional<Rejection> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = CODE.matcher(message);
        while (matcher.find()) {
            try {
                return Optional.of(new Rejection(ErrorCode.valueOf(matcher.group(1)), message.substring(matcher.end()).trim()));
            } catch (IllegalArgumentException notOurs) {
                // A word in capitals that is not one of our codes (e.g. a gRPC status name): keep looking.
            }
        }
        return Optional.empty();
    }

    /** A rejection with its code and the chaincode's readable message. */
    record Rejection(ErrorCode code, String message) {
    }
}
