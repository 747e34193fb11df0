package io.ledgernode.netconfig.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.netconfig.lifecycle.PeerOutput.Query;
import org.junit.jupiter.api.Test;

class PeerOutputTest {

    private static final String COMMITTED = """
            {
            \t"sequence": 2,
            \t"version": "ledger_495603235952",
            \t"endorsement_plugin": "escc",
            \t"validation_plugin": "vscc",
            \t"validation_parameter": "EiAvQ2hhbm5lbC9BcHBsaWNhdGlvbi9FbmRvcnNlbWVudA==",
            \t"collections": {},
            \t"approvals": {"Org1MSP": true, "Org2MSP": true}
            }
            """;

    @Test
    void the_channel_height_is_read_from_getinfo() {
        String getinfo = "Blockchain info: {\"height\":42,\"currentBlockHash\":\"q83v\",\"previousBlockHash\":\"3q2+\"}\n";

        assertThat(PeerOutput.read(Query.CHANNEL_HEIGHT, getinfo)).containsExactly("42");
    }

    @Test
    void getinfo_without_its_line_has_no_height() {
        assertThat(PeerOutput.read(Query.CHANNEL_HEIGHT, "")).isEmpty();
    }

    @Test
    void the_committed_definition_gives_its_sequence_and_summary() {
        assertThat(PeerOutput.read(Query.COMMITTED_SEQUENCE, COMMITTED)).containsExactly("2");
        assertThat(PeerOutput.read(Query.COMMITTED_SUMMARY, COMMITTED)).containsExactly("Version: ledger_495603235952, Sequence: 2");
        assertThat(PeerOutput.read(Query.COMMITTED_DEFINITION, COMMITTED)).containsExactly("2 ledger_495603235952");
    }

    @Test
    void a_sequence_written_as_a_string_is_read_too() {
        assertThat(PeerOutput.read(Query.COMMITTED_SEQUENCE, "{\"sequence\":\"7\",\"version\":\"v\"}")).containsExactly("7");
    }

    @Test
    void nothing_committed_prints_nothing() {
        assertThat(PeerOutput.read(Query.COMMITTED_SEQUENCE, "")).isEmpty();
        assertThat(PeerOutput.read(Query.COMMITTED_SUMMARY, "{}")).isEmpty();
    }

    @Test
    void the_approved_and_installed_package_ids_are_found_where_the_cli_nests_them() {
        String approved = "{\"sequence\":1,\"version\":\"v\",\"source\":{\"Type\":{\"LocalPackage\":{\"package_id\":\"ledger_1:abc\"}}}}";
        String installed = "{\"installed_chaincodes\":[{\"package_id\":\"ledger_1:abc\",\"label\":\"ledger_1\"},"
                + "{\"package_id\":\"ledger_2:def\",\"label\":\"ledger_2\"}]}";

        assertThat(PeerOutput.read(Query.APPROVED_PACKAGE_ID, approved)).containsExactly("ledger_1:abc");
        assertThat(PeerOutput.read(Query.INSTALLED_PACKAGE_IDS, installed)).containsExactly("ledger_1:abc", "ledger_2:def");
        assertThat(PeerOutput.read(Query.INSTALLED_PACKAGE_IDS, "{}")).isEmpty();
    }

    @Test
    void text_where_json_belongs_is_refused_naming_what_came() {
        assertThatThrownBy(() -> PeerOutput.read(Query.COMMITTED_SEQUENCE, "Committed chaincode definition for chaincode 'ledger'"))
                .isInstanceOf(PeerOutput.UnreadableOutputException.class).hasMessageContaining("not JSON: Committed chaincode");
    }

    @Test
    void queries_are_named_on_the_command_line_in_kebab_case() {
        assertThat(Query.named("installed-package-ids")).isEqualTo(Query.INSTALLED_PACKAGE_IDS);
        assertThatThrownBy(() -> Query.named("height")).hasMessage("unknown query 'height'");
    }
}
