package io.ledgernode.blocks;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The chaincode event a transaction set: the chaincode that emitted it, its name and its raw payload. */
public record ChaincodeEventData(String chaincode, String name, byte[] payload) {

    public ChaincodeEventData {
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(name, "name");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy of the payload: the record stays immutable. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ChaincodeEventData that && chaincode.equals(that.chaincode) && name.equals(that.name)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chaincode, name, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "ChaincodeEventData[chaincode=" + chaincode + ", name=" + name + ", payload="
                + HexFormat.of().formatHex(payload) + "]";
    }
}
