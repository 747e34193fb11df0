package io.ledgernode.blocks;

import static io.ledgernode.blocks.testing.BlockFixtures.allValid;
import static io.ledgernode.blocks.testing.BlockFixtures.headerDer;
import static io.ledgernode.blocks.testing.BlockFixtures.ordererCopy;
import static io.ledgernode.blocks.testing.BlockFixtures.peerCopy;
import static io.ledgernode.blocks.testing.BlockFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.event.TransferredEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real blocks of channel {@code ledger}, with the filter their committing peer writes (see BlockFixtures). */
class BlockParserFixtureTest {

    @Test
    void the_genesis_block_parses_as_block_0_with_one_valid_config_transaction_and_no_previous_hash() throws Exception {
        final ParsedBlock block = BlockParser.parse(peerCopy("block-0.pb", TxValidationCode.VALID));

        assertThat(block.number()).isZero();
        assertThat(block.previousHash()).isEmpty();
        assertThat(block.dataHash()).hasSize(32);
        assertThat(block.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.index()).isZero();
            assertThat(tx.headerType()).isEqualTo("CONFIG");
            assertThat(tx.validationCode()).isEqualTo("VALID");
            assertThat(tx.valid()).isTrue();
            assertThat(tx.txId()).hasSize(64);
            assertThat(tx.chaincode()).isNull();
            assertThat(tx.function()).isNull();
            assertThat(tx.event()).isNull();
            // configtxgen signs the genesis block with no creator.
            assertThat(tx.creatorMsp()).isNull();
            assertThat(tx.timestamp()).isEqualTo(Instant.ofEpochSecond(1_795_390_065L, tx.timestamp().getNano()));
        });
    }

    @Test
    void the_genesis_header_hash_is_sha256_of_the_documented_der() throws Exception {
        final Block raw = peerCopy("block-0.pb", TxValidationCode.VALID);
        final byte[] dataHash = raw.getHeader().getDataHash().toByteArray();
        final byte[] der = headerDer(0, new byte[0], dataHash);

        assertThat(HexFormat.of().formatHex(Arrays.copyOf(der, 9))).isEqualTo("3027020100040004" + "20");
        assertThat(BlockHashes.headerBytes(raw.getHeader())).isEqualTo(der);
        assertThat(BlockParser.parse(raw).headerHash()).isEqualTo(sha256(der));
    }

    @Test
    void block_548_holds_16_valid_transfers_of_the_ledger_chaincode_each_with_its_transferred_event()
            throws Exception {
        final ParsedBlock block = BlockParser.parse(peerCopy("block-548.pb", allValid(16)));

        assertThat(block.transactions()).hasSize(16);
        for (final ParsedTransaction tx : block.transactions()) {
            assertThat(tx.valid()).isTrue();
            assertThat(tx.headerType()).isEqualTo("ENDORSER_TRANSACTION");
            assertThat(tx.chaincode()).isEqualTo("ledger");
            assertThat(tx.function()).isEqualTo("Money:transfer");
            assertThat(tx.creatorMsp()).isEqualTo("Org1MSP");
            assertThat(tx.event().chaincode()).isEqualTo("ledger");
            assertThat(tx.event().name()).isEqualTo("TRANSFERRED");
            final LedgerEvent event = LedgerEvents.parse(tx.event().name(), tx.event().payload());
            assertThat(event).isInstanceOf(TransferredEvent.class);
            assertThat(event.txId()).isEqualTo(tx.txId());
            // The chaincode takes its time only from the transaction timestamp, to the millisecond.
            assertThat(Instant.parse(event.timestamp())).isEqualTo(tx.timestamp().truncatedTo(ChronoUnit.MILLIS));
        }
        assertThat(block.transactions()).extracting(ParsedTransaction::index).containsExactly(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(block.transactions()).extracting(ParsedTransaction::txId).doesNotHaveDuplicates();
    }

    @Test
    void block_548_header_fields_are_consistent_with_its_hashes() throws Exception {
        final Block raw = peerCopy("block-548.pb", allValid(16));
        final ParsedBlock block = BlockParser.parse(raw);

        assertThat(block.number()).isEqualTo(548);
        assertThat(block.previousHash()).hasSize(32).isEqualTo(raw.getHeader().getPreviousHash().toByteArray());
        assertThat(block.dataHash()).isEqualTo(BlockHashes.dataHash(raw.getData()).toByteArray());
        assertThat(block.headerHash())
                .isEqualTo(sha256(headerDer(548, block.previousHash(), block.dataHash())))
                .isNotEqualTo(block.previousHash());
    }

    @Test
    void block_552_keeps_the_conflicting_transfer_with_its_code_and_envelope_fields() throws Exception {
        final ParsedBlock block = BlockParser.parse(
                peerCopy("block-552.pb", TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT));

        assertThat(block.number()).isEqualTo(552);
        assertThat(block.previousHash()).hasSize(32);
        assertThat(block.transactions()).extracting(ParsedTransaction::validationCode)
                .containsExactly("VALID", "MVCC_READ_CONFLICT");
        assertThat(block.transactions()).extracting(ParsedTransaction::valid).containsExactly(true, false);
        for (final ParsedTransaction tx : block.transactions()) {
            assertThat(tx.txId()).hasSize(64);
            assertThat(tx.function()).isEqualTo("Money:transfer");
            assertThat(tx.creatorMsp()).isEqualTo("Org1MSP");
            assertThat(tx.event().name()).isEqualTo("TRANSFERRED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"block-0.pb", "block-548.pb", "block-552.pb"})
    void a_block_as_the_orderer_delivers_it_without_validation_codes_is_rejected(final String name) {
        final Block raw = ordererCopy(name);

        assertThatThrownBy(() -> BlockParser.parse(raw)).isInstanceOf(BlockParseException.class)
                .hasMessageContaining("TRANSACTIONS_FILTER has 0 bytes")
                .satisfies(e -> assertThat(((BlockParseException) e).blockNumber())
                        .isEqualTo(raw.getHeader().getNumber()));
    }
}
