package io.ledgernode.node.testing;

import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;

/** Stream observers for tests that collect what a gRPC stream answers. */
public final class Observers {

    private Observers() {
    }

    /** Hands each value to {@code onNext} and the error to {@code onError}; completion needs nothing done. */
    public static <T> StreamObserver<T> of(Consumer<? super T> onNext, Consumer<? super Throwable> onError) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                onNext.accept(value);
            }

            @Override
            public void onError(Throwable t) {
                onError.accept(t);
            }

            @Override
            public void onCompleted() {
            }
        };
    }
}
