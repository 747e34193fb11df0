package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.ordererCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.junit.jupiter.api.Test;

/** Envelopes of real blocks of channel {@code ledger} (src/test/resources/blocks), decoded. */
class TransactionDecoderTest {

    private static List<DecodedTransaction> decodeAll(Block block) throws MalformedException {
        List<DecodedTransaction> decoded = new ArrayList<>();
        for (ByteString envelope : block.getData().getDataList()) {
            decoded.add(TransactionDecoder.decode(envelope));
        }
        return decoded;
    }

    @Test
    void the_genesis_block_holds_one_config_envelope_of_channel_ledger_with_no_chaincode_action() throws Exception {
        List<DecodedTransaction> decoded = decodeAll(ordererCopy("block-0.pb"));

        assertThat(decoded).singleElement().satisfies(tx -> {
            assertThat(tx.type()).isEqualTo(HeaderType.CONFIG);
            assertThat(tx.channelHeader().getChannelId()).isEqualTo("ledger");
            assertThat(tx.chaincode()).isEmpty();
        });
    }

    @Test
    void every_envelope_of_block_548_is_a_transfer_of_the_ledger_chaincode_with_its_event_and_writes() throws Exception {
        List<DecodedTransaction> decoded = decodeAll(ordererCopy("block-548.pb"));

        assertThat(decoded).hasSize(16).allSatisfy(tx -> {
            assertThat(tx.type()).isEqualTo(HeaderType.ENDORSER_TRANSACTION);
            assertThat(tx.channelHeader().getChannelId()).isEqualTo("ledger");
            assertThat(tx.channelHeader().getTxId()).isNotEmpty();
            ChaincodeTransaction chaincode = tx.chaincode().orElseThrow();
            assertThat(chaincode.chaincode()).isEqualTo("ledger");
            assertThat(chaincode.function()).isEqualTo("Money:transfer");
            assertThat(chaincode.functionBytes()).contains(ByteString.copyFromUtf8("Money:transfer"));
            assertThat(chaincode.event()).hasValueSatisfying(event -> assertThat(event.getEventName()).isEqualTo("TRANSFERRED"));
            assertThat(chaincode.endorsements()).isNotEmpty();
            assertThat(chaincode.writes()).isNotEmpty().anySatisfy(write -> assertThat(write.namespace()).isEqualTo("ledger"));
        });
        assertThat(decoded).extracting(tx -> tx.channelHeader().getTxId()).doesNotHaveDuplicates();
    }

    @Test
    void the_channel_header_alone_is_read_without_the_chaincode_action() throws Exception {
        ByteString envelope = ordererCopy("block-552.pb").getData().getData(0);

        assertThat(TransactionDecoder.channelHeader(envelope)).isEqualTo(TransactionDecoder.decode(envelope).channelHeader());
    }

    @Test
    void a_caller_check_on_the_headers_runs_before_the_action_is_decoded() throws Exception {
        ByteString envelope = ordererCopy("block-548.pb").getData().getData(0);

        assertThatThrownBy(() -> TransactionDecoder.decode(envelope, (channel, signature, type) -> {
            throw new MalformedException("refused " + type);
        })).isInstanceOf(MalformedException.class).hasMessage("refused ENDORSER_TRANSACTION");
    }

    @Test
    void bytes_that_are_no_envelope_are_malformed() {
        assertThatThrownBy(() -> TransactionDecoder.decode(ByteString.copyFromUtf8("not an envelope")))
                .isInstanceOf(MalformedException.class);
    }
}
