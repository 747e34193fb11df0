package io.ledgernode.reconciler.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.AssetLine;
import io.ledgernode.api.listing.AssetLinesPage;
import io.ledgernode.api.listing.KeyOrder;
import io.ledgernode.reconciler.mirror.OpenHolds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link ChainReader} does, so the reconciler's unit tests run against a fake that behaves as the real
 * chain does. Each implementation's test only supplies a chain to write to and a reader of it: {@code FakeChainTest}
 * (unit) and {@code GatewayChainReaderIT} (the real network). The chain may hold other accounts and assets than
 * these tests write (the real one does), so the assertions are about the written ones and about order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChainReaderContract {

    /** Pages walked at most while looking for the written accounts and assets: a limit, failing loudly. */
    private static final int PAGES_MAX = 10_000;
    private static final int PAGE_SIZE_MAX = 100;

    /** Writes to the chain under test; each call commits before it returns. */
    public interface Chain {

        /** An asset code no other run uses, built from {@code base} (upper-case letters). */
        String assetCode(String base);

        /** An account or hold id no other run uses, built from {@code base}. */
        String id(String base);

        void register(String asset);

        /** Opens {@code id} in {@code asset}, jurisdiction DE. */
        void open(String id, String asset);

        void mint(String account, long amount);

        void transfer(String from, String to, String asset, long amount);

        /** Places hold {@code holdId} of {@code amount} on {@code account}, expiring well after the test. */
        void placeHold(String holdId, String account, long amount);
    }

    /** The chain to write to. */
    protected abstract Chain chain();

    /** A reader of that chain, opened once for the class and closed after it. */
    protected abstract ChainReader openReader();

    private ChainReader reader;
    private String asset;
    private String payer;
    private String payee;
    private String hold;

    @BeforeAll
    final void seed() {
        Chain chain = chain();
        reader = openReader();
        asset = chain.assetCode("K");
        payer = chain.id("ka");
        payee = chain.id("kb");
        hold = chain.id("kh");
        chain.register(asset);
        chain.open(payer, asset);
        chain.open(payee, asset);
        chain.mint(payer, 1_000);
        chain.transfer(payer, payee, asset, 250);
        chain.placeHold(hold, payer, 100);
    }

    @AfterAll
    final void closeReader() {
        reader.close();
    }

    @Test
    void the_height_grows_with_every_commit() {
        long before = reader.height();
        chain().register(chain().assetCode("KH"));

        assertThat(before).isPositive();
        assertThat(reader.height()).isGreaterThan(before);
    }

    @Test
    void an_account_line_states_asset_jurisdiction_exact_balance_held_sum_and_open_holds() {
        AccountLine line = reader.account(payer).orElseThrow();

        assertThat(line.id()).isEqualTo(payer);
        assertThat(line.asset()).isEqualTo(asset);
        assertThat(line.jurisdiction()).isEqualTo("DE");
        assertThat(line.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(line.balance()).isEqualTo(Amount.of(1_000 - 250 - 100));
        assertThat(line.held()).isEqualTo(Amount.of(100));
        assertThat(line.openHolds()).isEqualTo(OpenHolds.summary(List.of(new OpenHolds.OpenHold(hold, 100))));
        assertThat(reader.account(payee).orElseThrow()).extracting(AccountLine::balance, AccountLine::held, AccountLine::openHolds)
                .containsExactly(Amount.of(250), Amount.ZERO, OpenHolds.NONE);
    }

    @Test
    void an_account_or_asset_the_chain_does_not_have_is_empty() {
        assertThat(reader.account(chain().id("nobody"))).isEmpty();
        assertThat(reader.supply(chain().assetCode("NONE"))).isEmpty();
    }

    @Test
    void the_supply_of_an_asset_is_what_was_minted() {
        assertThat(reader.supply(asset)).contains(1_000L);
    }

    @Test
    void account_pages_hold_at_most_the_page_size_in_id_order_and_join_up_without_repeats() {
        List<String> ids = new ArrayList<>();
        String bookmark = "";
        for (int page = 0; page < 3; page++) {
            AccountLinesPage accounts = reader.accounts(2, bookmark);
            assertThat(accounts.accounts()).hasSizeLessThanOrEqualTo(2);
            accounts.accounts().forEach(line -> ids.add(line.id()));
            if (accounts.bookmark().isEmpty()) {
                break;
            }
            bookmark = accounts.bookmark();
        }
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates().isSortedAccordingTo(KeyOrder.IDS);
    }

    @Test
    void the_listing_holds_every_account_once_in_id_order_as_the_single_reads_state_it() {
        List<AccountLine> mine = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String previous = null;
        String bookmark = "";
        for (int page = 0; ; page++) {
            assertThat(page).as("pages walked").isLessThan(PAGES_MAX);
            AccountLinesPage accounts = reader.accounts(PAGE_SIZE_MAX, bookmark);
            for (AccountLine line : accounts.accounts()) {
                assertThat(seen.add(line.id())).as("listed once: " + line.id()).isTrue();
                if (previous != null) {
                    assertThat(KeyOrder.IDS.compare(previous, line.id())).as(previous + " before " + line.id()).isNegative();
                }
                previous = line.id();
                if (line.id().equals(payer) || line.id().equals(payee)) {
                    mine.add(line);
                }
            }
            if (accounts.bookmark().isEmpty()) {
                break;
            }
            bookmark = accounts.bookmark();
        }
        assertThat(mine).extracting(AccountLine::id).containsExactlyInAnyOrder(payer, payee);
        for (AccountLine line : mine) {
            assertThat(reader.account(line.id())).contains(line);
        }
    }

    @Test
    void the_asset_listing_holds_every_asset_once_in_code_order_with_decimals_and_supply() {
        Optional<AssetLine> mine = Optional.empty();
        String previous = null;
        String bookmark = "";
        for (int page = 0; ; page++) {
            assertThat(page).as("pages walked").isLessThan(PAGES_MAX);
            AssetLinesPage assets = reader.assets(PAGE_SIZE_MAX, bookmark);
            for (AssetLine line : assets.assets()) {
                if (previous != null) {
                    assertThat(KeyOrder.IDS.compare(previous, line.code())).as(previous + " before " + line.code()).isNegative();
                }
                previous = line.code();
                if (line.code().equals(asset)) {
                    mine = Optional.of(line);
                }
            }
            if (assets.bookmark().isEmpty()) {
                break;
            }
            bookmark = assets.bookmark();
        }
        assertThat(mine).contains(AssetLine.of(asset, 2, Amount.of(1_000)));
    }

    @Test
    void blocks_come_one_by_one_in_order_each_naming_the_header_hash_of_the_one_before() {
        long height = reader.height();
        long from = Math.max(0, height - 5);
        List<ChainBlock> blocks = new ArrayList<>();

        reader.blocks(from, height, blocks::add);

        assertThat(blocks).extracting(ChainBlock::number).containsExactlyElementsOf(range(from, height));
        for (int i = 0; i < blocks.size(); i++) {
            ChainBlock block = blocks.get(i);
            assertThat(block.headerHash()).isEqualTo(BlockHashing.headerHash(block.number(), block.previousHash(), block.dataHash()));
            if (i > 0) {
                assertThat(block.previousHash()).isEqualTo(blocks.get(i - 1).headerHash());
            }
            assertThat(block.transactions()).extracting(ChainBlock.ChainTransaction::index)
                    .containsExactlyElementsOf(range(0, block.transactions().size()).stream().map(Long::intValue).toList());
        }
    }

    @Test
    void an_empty_range_of_blocks_visits_nothing() {
        long height = reader.height();
        List<ChainBlock> blocks = new ArrayList<>();

        reader.blocks(height, height, blocks::add);

        assertThat(blocks).isEmpty();
    }

    private static List<Long> range(long from, long toExclusive) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n < toExclusive; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
