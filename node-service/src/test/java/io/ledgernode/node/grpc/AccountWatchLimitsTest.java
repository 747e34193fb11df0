package io.ledgernode.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.stub.ServerCallStreamObserver;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.mirror.Mirror;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * WatchTransactions streams are counted, against a real (empty) mirror they poll: at most 3 on the node and 2 for one
 * caller here. One wallet within its request rate had opened 1,800 streams; now the third of one caller and the fourth
 * on the node are refused RATE_LIMITED, and a stream that ends gives its place back.
 */
class AccountWatchLimitsTest {

    @Test
    void a_caller_past_its_streams_and_the_node_past_its_streams_are_refused_and_an_ended_stream_frees_its_place() throws Exception {
        AccountWatch watch = new AccountWatch(new Mirror(EmbeddedMirror.shared().fresh().reader()),
                new AccountWatch.Settings(Duration.ofMillis(20), 3, 2), 10);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        List<Stream> streams = new ArrayList<>();
        try {
            Stream aliceFirst = open(threads, watch, wallet("alice"), streams);
            open(threads, watch, wallet("alice"), streams);
            assertRateLimited(() -> watch.follow(wallet("alice"), "alice", 0, new Stream()));

            open(threads, watch, wallet("bob"), streams);
            assertRateLimited(() -> watch.follow(wallet("carol"), "carol", 0, new Stream()));

            aliceFirst.cancelled = true;
            aliceFirst.ended.get(5, TimeUnit.SECONDS);
            open(threads, watch, wallet("carol"), streams);
        } finally {
            streams.forEach(stream -> stream.cancelled = true);
            threads.shutdown();
            assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Opens a stream on its own thread and waits until it is following (polling), so it is counted. */
    private static Stream open(ExecutorService threads, AccountWatch watch, Caller caller, List<Stream> streams) throws Exception {
        Stream stream = new Stream();
        stream.ended = threads.submit(() -> watch.follow(caller, caller.subject(), 0, stream));
        streams.add(stream);
        Thread.sleep(200);
        assertThat(stream.ended.isDone()).as("the stream of " + caller.subject() + " is open").isFalse();
        return stream;
    }

    private static void assertRateLimited(Runnable follow) {
        ApiException refused = catchThrowableOfType(ApiException.class, follow::run);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ApiErrorCode.Service.RATE_LIMITED);
    }

    private static Caller wallet(String account) {
        return new Caller(account, "test", Set.of(Role.WALLET), Set.of(account), Optional.empty(), Optional.empty(),
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    /** A client stream that takes everything and is cancelled when the test says so. */
    private static final class Stream extends ServerCallStreamObserver<AccountTransaction> {
        volatile boolean cancelled;
        volatile Future<?> ended;

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void onNext(AccountTransaction value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
